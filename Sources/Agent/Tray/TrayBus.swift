/// The names of the tray icon on the session bus: the StatusNotifierItem and its `com.canonical.dbusmenu` menu,
/// which the agent serves on its own connection, and the StatusNotifierWatcher it registers them with.
public enum TrayBus {
    public static let itemPath = "/StatusNotifierItem"
    public static let itemInterface = "org.kde.StatusNotifierItem"
    public static let menuPath = "/MenuBar"
    public static let menuInterface = "com.canonical.dbusmenu"
    public static let watcherName = "org.kde.StatusNotifierWatcher"
    public static let watcherPath = "/StatusNotifierWatcher"
    public static let watcherInterface = "org.kde.StatusNotifierWatcher"
}
