/// The service's single most relevant active item, `GET /playback/now-playing` (§5). Every field is optional
/// because the docs list them without saying which are always present.
public struct NowPlaying: Sendable, Hashable, Codable {
    public var type: String?
    public var tmdbID: Int?
    public var title: String?
    /// 0...100, as the service sends it.
    public var progressPercent: Double?
    public var progressSeconds: Int?
    public var durationSeconds: Int?
    public var nowPlaying: Bool?
    public var playbackState: String?
    public var mediaSource: String?

    enum CodingKeys: String, CodingKey {
        case type, title, progressPercent, progressSeconds, durationSeconds, nowPlaying, playbackState, mediaSource
        case tmdbID = "tmdbId"
    }
}
