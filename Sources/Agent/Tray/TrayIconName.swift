/// The icon theme names the tray uses, shared with the packaging (`packaging/icons/hicolor/scalable/apps/`,
/// installed to `share/icons/hicolor/scalable/apps/`).
enum TrayIconName {
    static let idle = "punchplay-mpris"
    static let reporting = "punchplay-mpris-reporting"
    static let attention = "punchplay-mpris-attention"
    static let paused = "punchplay-mpris-paused"
}
