import Foundation

/// Opens an address in the user's browser with `xdg-open`, without waiting for it: `login --open` and the
/// tray's "Open PunchPlay" and "Log in…" use it.
public enum BrowserLauncher {
    /// Starts `xdg-open address`.
    /// - Throws: when `xdg-open` cannot be started (not installed); the caller says so in its own words.
    public static func open(_ address: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", address]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }
}
