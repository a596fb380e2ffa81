import Foundation

/// A completed watch the sandbox recorded from a `stop` (`watched: true`, or `progress >= watched_threshold`
/// when `watched` is absent).
public struct WatchRecord: Codable, Sendable, Equatable {
    /// The owner.
    public var userID: String
    /// The playback session that ended.
    public var sessionID: String
    /// The `event_id` of the `stop`.
    public var eventID: String
    /// `movie` or `episode`.
    public var mediaType: String
    /// Movie title or show title.
    public var title: String
    /// Ids as sent.
    public var tmdbID: Int64?
    public var tvdbID: Int64?
    public var imdbID: String?
    public var season: Int64?
    public var episode: Int64?
    /// The progress fraction at the stop, if sent.
    public var progress: Double?
    /// True when the watch came from `progress >= threshold` rather than an explicit `watched: true`.
    public var derivedFromProgress: Bool
    /// When the stop arrived (the sandbox clock).
    public var watchedAt: Date
}
