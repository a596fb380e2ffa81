/// The one back-off schedule of the agent: waits that double from `initial` up to `maximum`, optionally spread
/// by jitter so that many clients (or many events) do not retry in step. The outbox's retries and the live-events
/// reconnects both use it; each says only how fast and how far.
///
/// | attempt | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 |
/// |---|---|---|---|---|---|---|---|---|
/// | delay (1 s to 60 s, no jitter) | 1 s | 2 s | 4 s | 8 s | 16 s | 32 s | 60 s | 60 s |
public struct Backoff: Sendable, Hashable {
    public var initial: Duration
    public var maximum: Duration
    /// The spread of the jitter: 0.2 draws each delay from 80 % to 120 % of the exponential step, never below
    /// `initial` nor above `maximum`; 0 gives the exact steps.
    public var jitter: Double

    public init(initial: Duration, maximum: Duration, jitter: Double = 0) {
        self.initial = initial
        self.maximum = maximum
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The wait before retry number `attempt` (0 for the first), with `random` in 0...1 choosing the jitter
    /// (0.5 gives the exact exponential step). Rounded to whole milliseconds.
    public func delay(attempt: Int, random: Double = 0.5) -> Duration {
        let initialMilliseconds = Double(initial.wholeMilliseconds)
        let maximumMilliseconds = Double(maximum.wholeMilliseconds)
        var step = initialMilliseconds
        for _ in 0..<min(max(attempt, 0), 62) where step < maximumMilliseconds {
            step *= 2
        }
        step = min(step, maximumMilliseconds)
        let factor = 1 - jitter + 2 * jitter * min(max(random, 0), 1)
        let jittered = min(max(step * factor, initialMilliseconds), maximumMilliseconds)
        return .milliseconds(Int64(jittered.rounded()))
    }
}
