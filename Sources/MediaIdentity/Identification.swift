/// Whether an item is a movie or an episode, as PunchPlay's `media_type` names it.
public enum MediaType: String, Sendable, Hashable, Codable {
    case movie
    case episode
}

/// A movie or an episode worked out from what a player said, with the fields PunchPlay matches on and the
/// reasons behind the guess (shown in the debug log and by `punchplay-mpris identify`).
public struct Identification: Sendable, Hashable, Codable {
    public var mediaType: MediaType
    /// The movie title, or the *show* title for an episode.
    public var title: String
    public var year: Int?
    public var season: Int?
    public var episode: Int?
    /// The last episode of a multi-episode file (`S01E01E02` → 2).
    public var episodeEnd: Int?
    public var multiEpisode: Bool
    public var absoluteEpisode: Int?
    public var anime: Bool
    public var episodeTitle: String?
    public var tmdbID: Int?
    public var tvdbID: Int?
    public var imdbID: String?
    /// The file name alone (never a directory), for PunchPlay's fallback matching.
    public var rawFilename: String?
    /// 0...1: how sure the parser is.
    public var confidence: Double
    /// Short human sentences saying what produced this guess ("S01E02 pattern in file name").
    public var reasons: [String]

    public init(
        mediaType: MediaType,
        title: String,
        year: Int? = nil,
        season: Int? = nil,
        episode: Int? = nil,
        episodeEnd: Int? = nil,
        multiEpisode: Bool = false,
        absoluteEpisode: Int? = nil,
        anime: Bool = false,
        episodeTitle: String? = nil,
        tmdbID: Int? = nil,
        tvdbID: Int? = nil,
        imdbID: String? = nil,
        rawFilename: String? = nil,
        confidence: Double,
        reasons: [String]
    ) {
        self.mediaType = mediaType
        self.title = title
        self.year = year
        self.season = season
        self.episode = episode
        self.episodeEnd = episodeEnd
        self.multiEpisode = multiEpisode
        self.absoluteEpisode = absoluteEpisode
        self.anime = anime
        self.episodeTitle = episodeTitle
        self.tmdbID = tmdbID
        self.tvdbID = tvdbID
        self.imdbID = imdbID
        self.rawFilename = rawFilename
        self.confidence = confidence
        self.reasons = reasons
    }
}

/// The answer of identification: a movie or episode, or a reason why the item is not one we report.
public enum IdentificationResult: Sendable, Hashable {
    case media(Identification)
    /// Samples, trailers, extras, music, or nothing usable at all; the reason is for the debug log.
    case notMedia(reason: String)
}
