/// The JSON body of a playback write, field for field as `shared/punchplay-api.md` §4 defines it.
/// Encoded with snake_case keys; nil fields are left out.
public struct PlaybackPayload: Sendable, Hashable, Codable {
    public var mediaType: String
    public var title: String?
    public var year: Int?
    public var tmdbID: Int?
    public var tvdbID: Int?
    public var imdbID: String?
    public var punchplayID: String?
    public var season: Int?
    public var episode: Int?
    public var episodeEnd: Int?
    public var multiEpisode: Bool?
    public var absoluteEpisode: Int?
    public var anime: Bool?
    public var episodeTitle: String?
    /// A fraction 0...1 (clamped by the encoder of the request, never a percentage).
    public var progress: Double?
    public var positionSeconds: Int?
    public var durationSeconds: Int?
    public var playbackSessionID: String
    /// One per event, the same on every retry: the server dedupes on it.
    public var eventID: String
    /// Client time in milliseconds since 1970, strictly increasing within a session.
    public var eventCreatedAt: Int64
    public var deviceID: String?
    public var clientVersion: String?
    public var watched: Bool?
    public var watchedThreshold: Double?
    /// A file name only, never a full path unless the user opted in.
    public var rawFilename: String?

    enum CodingKeys: String, CodingKey {
        case mediaType = "media_type"
        case title, year
        case tmdbID = "tmdb_id"
        case tvdbID = "tvdb_id"
        case imdbID = "imdb_id"
        case punchplayID = "punchplay_id"
        case season, episode
        case episodeEnd = "episode_end"
        case multiEpisode = "multi_episode"
        case absoluteEpisode = "absolute_episode"
        case anime
        case episodeTitle = "episode_title"
        case progress
        case positionSeconds = "position_seconds"
        case durationSeconds = "duration_seconds"
        case playbackSessionID = "playback_session_id"
        case eventID = "event_id"
        case eventCreatedAt = "event_created_at"
        case deviceID = "device_id"
        case clientVersion = "client_version"
        case watched
        case watchedThreshold = "watched_threshold"
        case rawFilename = "raw_filename"
    }

    public init(
        mediaType: String,
        title: String? = nil,
        playbackSessionID: String,
        eventID: String,
        eventCreatedAt: Int64
    ) {
        self.mediaType = mediaType
        self.title = title
        self.playbackSessionID = playbackSessionID
        self.eventID = eventID
        self.eventCreatedAt = eventCreatedAt
    }
}
