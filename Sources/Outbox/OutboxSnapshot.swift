/// Everything `punchplay-mpris queue` shows: what waits, per session and in order, what failed for good,
/// when the next attempt is due and why the last one failed. Read in one transaction, so it is consistent.
public struct OutboxSnapshot: Sendable, Hashable, Codable {
    /// One session's pending events, oldest first.
    public struct SessionQueue: Sendable, Hashable, Codable {
        public var sessionID: String
        public var events: [QueuedEvent]

        enum CodingKeys: String, CodingKey {
            case sessionID = "playback_session_id"
            case events
        }
    }

    public var pendingCount: Int
    public var sessions: [SessionQueue]
    public var deadLetters: [DeadLetter]
    /// Milliseconds since 1970 of the earliest planned attempt, when anything is waiting.
    public var nextAttemptAt: Int64?
    /// Set while delivery is held until the user logs in again.
    public var loginRequiredSince: Int64?
    /// Set while the service's `Retry-After` pauses all sending.
    public var pausedUntil: Int64?
    public var lastError: String?
    public var lastErrorAt: Int64?
    public var lastSuccessAt: Int64?
    public var deliveredCount: Int
    public var coalescedCount: Int
    public var evictedCount: Int

    public init(
        pendingCount: Int = 0,
        sessions: [SessionQueue] = [],
        deadLetters: [DeadLetter] = [],
        nextAttemptAt: Int64? = nil,
        loginRequiredSince: Int64? = nil,
        pausedUntil: Int64? = nil,
        lastError: String? = nil,
        lastErrorAt: Int64? = nil,
        lastSuccessAt: Int64? = nil,
        deliveredCount: Int = 0,
        coalescedCount: Int = 0,
        evictedCount: Int = 0
    ) {
        self.pendingCount = pendingCount
        self.sessions = sessions
        self.deadLetters = deadLetters
        self.nextAttemptAt = nextAttemptAt
        self.loginRequiredSince = loginRequiredSince
        self.pausedUntil = pausedUntil
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.lastSuccessAt = lastSuccessAt
        self.deliveredCount = deliveredCount
        self.coalescedCount = coalescedCount
        self.evictedCount = evictedCount
    }

    enum CodingKeys: String, CodingKey {
        case pendingCount = "pending_count"
        case sessions
        case deadLetters = "dead_letters"
        case nextAttemptAt = "next_attempt_at_ms"
        case loginRequiredSince = "login_required_since_ms"
        case pausedUntil = "paused_until_ms"
        case lastError = "last_error"
        case lastErrorAt = "last_error_at_ms"
        case lastSuccessAt = "last_success_at_ms"
        case deliveredCount = "delivered_count"
        case coalescedCount = "coalesced_count"
        case evictedCount = "evicted_count"
    }
}
