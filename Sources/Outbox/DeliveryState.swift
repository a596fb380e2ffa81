/// What the delivery loop is doing, published on every change so the agent can log, notify (once, when
/// `phase` becomes `.loginRequired`) and report readiness, and tests can wait for a step instead of sleeping.
public struct DeliveryState: Sendable, Hashable {
    /// The loop's current activity.
    public enum Phase: Sendable, Hashable {
        /// Nothing to send.
        case idle
        /// An attempt is in flight.
        case sending(eventID: String)
        /// Waiting until the given wall time (milliseconds since 1970): back-off, `Retry-After` or pacing.
        case waiting(until: Int64, reason: WaitReason)
        /// Everything is held until the user logs in again.
        case loginRequired
        /// `run()` has returned.
        case stopped
    }

    /// Why the loop waits.
    public enum WaitReason: Sendable, Hashable {
        case backOff
        case retryAfter
        case pacing
    }

    public var phase: Phase
    public var pendingCount: Int
    public var deliveredCount: Int
    public var deadLetteredCount: Int
    public var lastError: String?
    /// The latest time the database file was found corrupt and replaced by a fresh one (at open or while
    /// running), so an observer such as the agent can log its message once when it changes.
    public var databaseRecovery: CorruptionRecovery?

    public init(
        phase: Phase = .idle,
        pendingCount: Int = 0,
        deliveredCount: Int = 0,
        deadLetteredCount: Int = 0,
        lastError: String? = nil,
        databaseRecovery: CorruptionRecovery? = nil
    ) {
        self.phase = phase
        self.pendingCount = pendingCount
        self.deliveredCount = deliveredCount
        self.deadLetteredCount = deadLetteredCount
        self.lastError = lastError
        self.databaseRecovery = databaseRecovery
    }
}
