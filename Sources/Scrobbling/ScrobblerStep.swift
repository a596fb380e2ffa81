import PlaybackModel

/// What the core decided after one input: events to persist and send, in order, the reasons behind them,
/// and when it wants to be woken up next if nothing else happens.
public struct ScrobblerStep: Sendable, Hashable {
    public var events: [PlaybackEvent] = []
    public var decisions: [Decision] = []
    /// Uptime at which the shell must deliver `.deadline`; nil when nothing is scheduled.
    public var nextDeadline: Duration?

    public init(events: [PlaybackEvent] = [], decisions: [Decision] = [], nextDeadline: Duration? = nil) {
        self.events = events
        self.decisions = decisions
        self.nextDeadline = nextDeadline
    }
}
