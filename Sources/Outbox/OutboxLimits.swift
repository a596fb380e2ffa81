/// The outbox's size and age caps. Past the size cap the oldest events are evicted by rank: `progress`
/// first, then `pause`/`resume`, then `start`, a `stop` last. Past the age cap events and dead letters are
/// dropped whatever they are: the service would no longer place them.
public struct OutboxLimits: Sendable, Hashable {
    public var maximumEvents: Int
    public var maximumAge: Duration

    public init(maximumEvents: Int = 10_000, maximumAge: Duration = .seconds(30 * 24 * 3600)) {
        self.maximumEvents = max(maximumEvents, 1)
        self.maximumAge = maximumAge
    }
}
