/// What the agent must remember about a session beyond the wire body to continue it after a crash: how
/// much of the item was really played and the watched threshold in force. The outbox keeps it with each
/// event; it is never sent to the service.
public struct SessionCheckpoint: Sendable, Hashable, Codable {
    /// Time really spent playing (seeks excluded), in milliseconds.
    public var playedMilliseconds: Int64
    /// The share of the duration that makes a `stop` count as watched.
    public var watchedThreshold: Double

    public init(playedMilliseconds: Int64, watchedThreshold: Double) {
        self.playedMilliseconds = playedMilliseconds
        self.watchedThreshold = watchedThreshold
    }
}
