import PlaybackModel

/// How long a transiently failing event waits before its next attempt: exponential back-off with jitter,
/// bounded by `initialDelay` and `maximumDelay`, and how far a server's `Retry-After` is trusted.
public struct RetryPolicy: Sendable, Hashable {
    /// The schedule of waits between attempts.
    public var backoff: Backoff
    /// The longest `Retry-After` honoured as given; a longer (or garbage) value is capped to this.
    public var maximumRetryAfter: Duration

    public init(
        initialDelay: Duration = .seconds(1),
        maximumDelay: Duration = .seconds(300),
        jitter: Double = 0.2,
        maximumRetryAfter: Duration = .seconds(3600)
    ) {
        backoff = Backoff(initial: initialDelay, maximum: maximumDelay, jitter: jitter)
        self.maximumRetryAfter = maximumRetryAfter
    }

    /// The wait after the `attempts`-th consecutive failure (1 for the first), with `random` in 0...1
    /// choosing the jitter (0.5 gives the exact exponential step).
    public func delay(afterAttempts attempts: Int, random: Double) -> Duration {
        backoff.delay(attempt: attempts - 1, random: random)
    }

    /// The wait a server asked for, capped to `maximumRetryAfter` and never negative.
    public func honouring(retryAfter: Duration) -> Duration {
        min(max(retryAfter, .zero), maximumRetryAfter)
    }
}
