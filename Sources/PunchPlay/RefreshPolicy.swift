import PlaybackModel

/// How often one process may call `/auth/refresh`: a cool-down after every failed refresh that doubles while
/// the failures go on, so a broken service is not hammered, and a cap per rolling hour, well inside the
/// service's budget of 20 refreshes per hour per IP (§6).
public struct RefreshPolicy: Sendable, Hashable {
    /// The cool-down after the first, second, ... failed refresh in a row (a longer `Retry-After` wins).
    public var backoff: Backoff
    /// The most refreshes this process starts within any hour.
    public var maximumPerHour: Int

    public init(
        backoff: Backoff = Backoff(initial: .seconds(30), maximum: .seconds(15 * 60)),
        maximumPerHour: Int = 10
    ) {
        self.backoff = backoff
        self.maximumPerHour = maximumPerHour
    }
}
