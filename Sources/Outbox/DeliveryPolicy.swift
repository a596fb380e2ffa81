/// The tunables of the delivery loop, with the contract's defaults.
public struct DeliveryPolicy: Sendable, Hashable {
    public var retry: RetryPolicy
    public var pacing: PacingPolicy
    /// An attempt that has not answered by then is abandoned and retried as a transient failure.
    public var sendTimeout: Duration
    /// The longest the loop sleeps without looking at the database, so changes made by another process
    /// (`queue retry`, `queue purge`) are noticed.
    public var recheckInterval: Duration

    public init(
        retry: RetryPolicy = RetryPolicy(),
        pacing: PacingPolicy = PacingPolicy(),
        sendTimeout: Duration = .seconds(30),
        recheckInterval: Duration = .seconds(60)
    ) {
        self.retry = retry
        self.pacing = pacing
        self.sendTimeout = sendTimeout
        self.recheckInterval = recheckInterval
    }
}
