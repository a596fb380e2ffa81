/// The `[desktop]` table: how the agent shows itself in the desktop session beyond notifications.
public struct DesktopSettings: Sendable, Equatable {
    /// Whether the agent shows a tray icon (`tray`, on by default).
    public var tray: Bool

    public init(tray: Bool = true) {
        self.tray = tray
    }
}
