import PlaybackModel

/// An event waiting in the outbox, with its delivery history.
public struct QueuedEvent: Sendable, Hashable, Codable {
    /// The outbox's creation order; delivery follows it.
    public var sequence: Int64
    public var event: PlaybackEvent
    public var attempts: Int
    /// Milliseconds since 1970 of the next attempt, when the event is backing off.
    public var nextAttemptAt: Int64?
    public var lastError: String?

    enum CodingKeys: String, CodingKey {
        case sequence
        case event
        case attempts
        case nextAttemptAt = "next_attempt_at_ms"
        case lastError = "last_error"
    }
}
