import PlaybackModel

/// How one send attempt ended, as the store records it.
enum SendOutcome: Sendable, Hashable {
    case delivered(PlaybackReceipt)
    /// Retry the same event at `nextAttemptAt`; `pausedUntil` pauses every session (the server's Retry-After).
    case transient(PunchPlayError, nextAttemptAt: Int64, pausedUntil: Int64?)
    case permanent(PunchPlayError)
    case loginRequired(PunchPlayError)
}
