/// The service's answer to a playback write: whether it was a duplicate or changed nothing, and the
/// canonical ids it resolved the item to.
public struct PlaybackReceipt: Sendable, Hashable, Codable {
    public var ok: Bool
    public var deduped: Bool
    /// Why the event changed nothing (after `stop`, stale timestamp, ...), when it did not.
    public var ignored: String?
    public var tmdbID: Int?
    public var tvdbID: Int?
    public var imdbID: String?
    public var punchplayID: String?
    public var season: Int?
    public var episode: Int?
    public var episodeEnd: Int?
    public var absoluteEpisode: Int?
    public var anime: Bool?

    enum CodingKeys: String, CodingKey {
        case ok, deduped, ignored
        case tmdbID = "tmdb_id"
        case tvdbID = "tvdb_id"
        case imdbID = "imdb_id"
        case punchplayID = "punchplay_id"
        case season, episode
        case episodeEnd = "episode_end"
        case absoluteEpisode = "absolute_episode"
        case anime
    }

    public init(ok: Bool, deduped: Bool = false, ignored: String? = nil) {
        self.ok = ok
        self.deduped = deduped
        self.ignored = ignored
    }
}
