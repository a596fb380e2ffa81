/// What the delivery loop should do next, read from the store in one transaction.
struct DeliveryPlan: Sendable {
    /// The oldest event that may go now: the head of its session, not backing off.
    var candidate: QueuedEvent?
    /// The head event whose stored payload no longer decodes; it goes to the dead letters.
    var unreadable: Unreadable?
    /// When the earliest backing-off event becomes due.
    var nextDueAt: Int64?
    var loginRequired: Bool
    var pausedUntil: Int64?
    var bucket: TokenBucket
    var pendingCount: Int
    /// The latest replacement of a corrupt database file, if there was one.
    var databaseRecovery: CorruptionRecovery?

    struct Unreadable: Sendable, Hashable {
        var sequence: Int64
        var reason: String
    }

    /// Nothing queued, nothing paused: the loop has nothing to do until something is committed, and the same
    /// file read later gives the same plan.
    var isEmptyOutbox: Bool {
        candidate == nil && unreadable == nil && nextDueAt == nil && pausedUntil == nil && pendingCount == 0
    }
}
