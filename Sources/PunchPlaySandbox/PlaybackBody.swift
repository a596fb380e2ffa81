import Foundation

/// A `POST /playback/{action}` body validated field by field against the §4 table.
///
/// Stricter than the table where the contract implies it: `title`, `playback_session_id`, `event_id` and
/// `event_created_at` are required; `event_created_at` must be integer milliseconds (values below 10^12, i.e.
/// seconds, are rejected); `progress` and `watched_threshold` must be fractions 0...1 (a percentage is rejected);
/// unknown fields are rejected.
struct PlaybackBody: Sendable {
    static let fields: Set<String> = [
        "media_type", "title", "year", "tmdb_id", "tvdb_id", "imdb_id", "punchplay_id", "season", "episode",
        "episode_end", "multi_episode", "absolute_episode", "anime", "episode_title", "progress", "position_seconds",
        "duration_seconds", "playback_session_id", "event_id", "event_created_at", "device_id", "client_version",
        "watched", "watched_threshold", "raw_filename",
    ]

    /// The smallest `event_created_at` taken as milliseconds (2001-09-09); smaller values look like seconds.
    static let smallestMilliseconds: Int64 = 1_000_000_000_000

    var mediaType: String
    var title: String
    var year: Int64?
    var tmdbID: Int64?
    var tvdbID: Int64?
    var imdbID: String?
    var punchplayID: String?
    var season: Int64?
    var episode: Int64?
    var episodeEnd: Int64?
    var multiEpisode: Bool?
    var absoluteEpisode: Int64?
    var anime: Bool?
    var episodeTitle: String?
    var progress: Double?
    var positionSeconds: Int64?
    var durationSeconds: Int64?
    var sessionID: String
    var eventID: String
    var eventCreatedAt: Int64
    var watched: Bool?
    var watchedThreshold: Double?

    init(json data: Data) throws(SandboxAPIError) {
        let body = try StrictObject(json: data, allowedFields: Self.fields)
        mediaType = try body.requiredString("media_type")
        guard mediaType == "movie" || mediaType == "episode" else {
            throw .invalidRequest("Field media_type must be \"movie\" or \"episode\", got \"\(mediaType)\".")
        }
        title = try body.requiredString("title")
        guard (1...500).contains(title.count), !title.allSatisfy(\.isWhitespace) else {
            throw .invalidRequest("Field title must be 1 to 500 characters and not blank (got \(title.count)).")
        }
        year = try Self.nonNegative(body, "year")
        tmdbID = try Self.positive(body, "tmdb_id")
        tvdbID = try Self.positive(body, "tvdb_id")
        imdbID = try body.string("imdb_id")
        if let imdbID, !Self.isIMDbID(imdbID) {
            throw .invalidRequest("Field imdb_id must be \"tt\" followed by digits, got \"\(imdbID)\".")
        }
        punchplayID = try body.string("punchplay_id")
        season = try Self.nonNegative(body, "season")
        episode = try Self.nonNegative(body, "episode")
        episodeEnd = try Self.nonNegative(body, "episode_end")
        multiEpisode = try body.bool("multi_episode")
        absoluteEpisode = try Self.nonNegative(body, "absolute_episode")
        anime = try body.bool("anime")
        episodeTitle = try body.string("episode_title")
        progress = try Self.fraction(body, "progress")
        positionSeconds = try Self.nonNegative(body, "position_seconds")
        durationSeconds = try Self.nonNegative(body, "duration_seconds")
        sessionID = try body.requiredString("playback_session_id")
        eventID = try body.requiredString("event_id")
        guard let createdAt = try body.integer("event_created_at") else {
            throw .invalidRequest("Missing required field event_created_at (client time in milliseconds).")
        }
        guard createdAt >= Self.smallestMilliseconds else {
            throw .invalidRequest(
                "Field event_created_at must be milliseconds since 1970; \(createdAt) looks like seconds."
            )
        }
        eventCreatedAt = createdAt
        _ = try body.string("device_id")
        _ = try body.string("client_version")
        _ = try body.string("raw_filename")
        watched = try body.bool("watched")
        watchedThreshold = try Self.fraction(body, "watched_threshold")
        if let episodeEnd, let episode, episodeEnd < episode {
            throw .invalidRequest("Field episode_end (\(episodeEnd)) must not be below episode (\(episode)).")
        }
    }

    private static func nonNegative(_ body: StrictObject, _ name: String) throws(SandboxAPIError) -> Int64? {
        guard let value = try body.integer(name) else { return nil }
        guard value >= 0 else { throw .invalidRequest("Field \(name) must not be negative, got \(value).") }
        return value
    }

    private static func positive(_ body: StrictObject, _ name: String) throws(SandboxAPIError) -> Int64? {
        guard let value = try body.integer(name) else { return nil }
        guard value > 0 else { throw .invalidRequest("Field \(name) must be a positive id, got \(value).") }
        return value
    }

    private static func fraction(_ body: StrictObject, _ name: String) throws(SandboxAPIError) -> Double? {
        guard let value = try body.number(name) else { return nil }
        guard (0...1).contains(value) else {
            throw .invalidRequest("Field \(name) must be a fraction from 0 to 1 (0.45 for 45 %), got \(value).")
        }
        return value
    }

    private static func isIMDbID(_ value: String) -> Bool {
        value.hasPrefix("tt") && value.count > 2 && value.dropFirst(2).allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
