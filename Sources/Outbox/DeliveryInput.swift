import PlaybackModel

/// What happened to the delivery loop, as `DeliveryMachine` is told about it: the outcome of the last action
/// it asked for, or news from outside (an arrival, a new login).
enum DeliveryInput: Sendable {
    /// A step begins: the loop starts, the last step made progress, or a sleep ended. `drainingUntil` is
    /// the shutdown deadline while `drain(within:)` runs, nil while `run()` does.
    case stepStarted(drainingUntil: Int64?)
    /// The plan read from the store.
    case planRead(DeliveryPlan)
    /// A store call (read, record, bury, shorten) failed.
    case storeFailed(OutboxError)
    /// A bury or a shortening of the earliest wait is done.
    case settled
    /// The attempt asked for ended: the answer, or nil when it was cut off without one (the loop stopping,
    /// the drain deadline). `random` is a number in 0...1 drawn for the back-off's jitter.
    case sent(Result<PlaybackReceipt, PunchPlayError>?, random: Double)
    /// The outcome is recorded; `newlyHeld` when it put delivery on hold for a login.
    case recorded(newlyHeld: Bool)
    /// Events were committed to the store.
    case arrival
    /// The user logged in again and the store's hold is lifted.
    case loginRestored
    /// A sleep ended, at its time or woken early.
    case woke
    /// `run()` returns.
    case stopped
}
