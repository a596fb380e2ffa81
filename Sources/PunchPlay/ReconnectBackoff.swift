/// The delay before reconnecting a dropped live-events stream: doubling from `initial` up to `maximum`,
/// back to `initial` once a connection reached `ready`.
///
/// | attempt | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 |
/// |---|---|---|---|---|---|---|---|---|
/// | delay (defaults) | 1 s | 2 s | 4 s | 8 s | 16 s | 32 s | 60 s | 60 s |
public struct ReconnectBackoff: Sendable, Hashable {
    public var initial: Duration
    public var maximum: Duration

    public init(initial: Duration = .seconds(1), maximum: Duration = .seconds(60)) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The delay before reconnect number `attempt` (0-based).
    public func delay(attempt: Int) -> Duration {
        var delay = initial
        for _ in 0..<min(attempt, 32) where delay < maximum {
            delay *= 2
        }
        return min(delay, maximum)
    }
}
