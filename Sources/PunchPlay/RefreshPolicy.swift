import PlaybackModel

/// How often one process may retry `/auth/refresh`: a cool-down after every failed refresh that doubles while
/// the failures go on, so a broken service is not hammered, and a cap on failed refreshes per rolling hour, so
/// our own retries stay well inside the service's budget of 20 refreshes per hour per IP (§6). A refresh that
/// works is never held back: a token that lives an hour needs about one an hour.
public struct RefreshPolicy: Sendable, Hashable {
    /// The cool-down after the first, second, ... failed refresh in a row (a longer `Retry-After` wins).
    public var backoff: Backoff
    /// The most failed refreshes this process allows itself within any hour; the next waits for the oldest to
    /// leave the hour.
    public var maximumPerHour: Int

    public init(
        backoff: Backoff = Backoff(initial: .seconds(30), maximum: .seconds(15 * 60)),
        maximumPerHour: Int = 10
    ) {
        self.backoff = backoff
        self.maximumPerHour = maximumPerHour
    }
}
