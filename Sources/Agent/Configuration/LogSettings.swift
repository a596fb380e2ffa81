import Logging

/// The `[log]` table: how much the agent logs and which desktop notifications it shows.
public struct LogSettings: Sendable, Equatable {
    /// `info` by default; `debug` is the debug log mode that explains every decision.
    public var level: Logger.Level
    /// Desktop notifications for the login code and "login needed again".
    public var notifications: Bool
    /// A "now watching X" notification whenever a playback starts (`notify_now_watching`, off by default).
    public var notifyNowWatching: Bool

    public init(level: Logger.Level = .info, notifications: Bool = true, notifyNowWatching: Bool = false) {
        self.level = level
        self.notifications = notifications
        self.notifyNowWatching = notifyNowWatching
    }
}
