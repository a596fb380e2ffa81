/// How long a transiently failing event waits before its next attempt: exponential back-off with jitter,
/// bounded by `initialDelay` and `maximumDelay`, and how far a server's `Retry-After` is trusted.
public struct RetryPolicy: Sendable, Hashable {
    public var initialDelay: Duration
    public var maximumDelay: Duration
    /// The spread of the jitter: 0.2 draws each delay from 80 % to 120 % of the exponential step.
    public var jitter: Double
    /// The longest `Retry-After` honoured as given; a longer (or garbage) value is capped to this.
    public var maximumRetryAfter: Duration

    public init(
        initialDelay: Duration = .seconds(1),
        maximumDelay: Duration = .seconds(300),
        jitter: Double = 0.2,
        maximumRetryAfter: Duration = .seconds(3600)
    ) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.jitter = min(max(jitter, 0), 1)
        self.maximumRetryAfter = maximumRetryAfter
    }

    /// The wait after the `attempts`-th consecutive failure (1 for the first), with `random` in 0...1
    /// choosing the jitter (0.5 gives the exact exponential step).
    public func delay(afterAttempts attempts: Int, random: Double) -> Duration {
        let exponent = Double(min(max(attempts - 1, 0), 62))
        let initial = Double(initialDelay.wholeMilliseconds)
        let maximum = Double(maximumDelay.wholeMilliseconds)
        let step = min(initial * pow2(exponent), maximum)
        let factor = 1 - jitter + 2 * jitter * min(max(random, 0), 1)
        let jittered = min(max(step * factor, initial), maximum)
        return .milliseconds(Int64(jittered.rounded()))
    }

    /// The wait a server asked for, capped to `maximumRetryAfter` and never negative.
    public func honouring(retryAfter: Duration) -> Duration {
        min(max(retryAfter, .zero), maximumRetryAfter)
    }

    private func pow2(_ exponent: Double) -> Double {
        var value = 1.0
        for _ in 0..<Int(exponent) { value *= 2 }
        return value
    }
}
