import PlaybackModel

/// What `DeliveryMachine` asks the shell (`EventDelivery`) to do, as a value, so the decisions can be
/// tested without a database, a clock or a network. Each effect's outcome comes back as a `DeliveryInput`.
enum DeliveryAction: Sendable, Hashable {
    /// Hand this state to the observers.
    case publish(DeliveryState)
    /// Read the plan from the store: `planRead` or `storeFailed`.
    case readPlan
    /// Move the head event whose payload no longer decodes to the dead letters: `settled` or `storeFailed`.
    case buryUnreadable(DeliveryPlan.Unreadable)
    /// Make the earliest back-off due now: `settled` or `storeFailed`.
    case shortenEarliestWait
    /// Send this event, bounded by the send timeout and the drain deadline: `sent`.
    case send(PlaybackEvent)
    /// Record how the attempt ended, with the bucket after it: `recorded` or `storeFailed`.
    case record(SendOutcome, for: QueuedEvent, bucket: TokenBucket)
    /// Sleep until this wall time unless woken earlier: `woke`.
    case sleep(until: Int64)
    /// End a sleep in progress, if there is one.
    case interruptSleep
    /// The step is over; start the next one at once.
    case stepDone
    /// `drain(within:)` has nothing more to do before its deadline.
    case drainEnded
}
