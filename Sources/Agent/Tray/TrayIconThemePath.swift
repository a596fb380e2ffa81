import Foundation

/// Where the tray's icons are, for the item's `IconThemePath`: `PUNCHPLAY_MPRIS_ICON_THEME_PATH` when set
/// (tests, and trying a build from the source tree), else the `share/icons` beside the installed binary's
/// `bin/` when it holds our icons, else empty (the host looks in the icon theme as usual).
enum TrayIconThemePath {
    static let environmentVariable = "PUNCHPLAY_MPRIS_ICON_THEME_PATH"

    static func resolve(
        environment: [String: String],
        executablePath: String,
        fileExists: (String) -> Bool = FileManager.default.fileExists(atPath:)
    ) -> String {
        if let path = environment[environmentVariable], !path.isEmpty { return path }
        let bin = (executablePath as NSString).deletingLastPathComponent
        let icons = ((bin as NSString).deletingLastPathComponent as NSString).appendingPathComponent("share/icons")
        let ours = icons + "/hicolor/scalable/apps/\(TrayIconName.idle).svg"
        return fileExists(ours) ? icons : ""
    }
}
