/// The live view of what is being reported, for the agent's D-Bus properties and the tray: whether the user
/// paused reporting and until when, and every player the core knows, sorted by bus name. A plain value that
/// changes only when something happened, so watchers can be sent it on change (`activityUpdates()`).
public struct ReportingActivity: Sendable, Hashable {
    /// When a timed pause of reporting ends, in milliseconds since 1970; nil when not paused or paused until
    /// resumed.
    public var pausedUntilWallClockMillis: Int64?
    public var isPaused: Bool
    public var players: [PlayerActivity]

    public init(pausedUntilWallClockMillis: Int64? = nil, isPaused: Bool = false, players: [PlayerActivity] = []) {
        self.pausedUntilWallClockMillis = pausedUntilWallClockMillis
        self.isPaused = isPaused
        self.players = players
    }
}
