import Foundation

/// Where the outbox database lives: `$PUNCHPLAY_MPRIS_OUTBOX` when set (tests), else
/// `$XDG_STATE_HOME/punchplay-mpris/outbox.sqlite`, falling back to `~/.local/state` per the XDG spec.
public enum OutboxLocation {
    public static let environmentVariable = "PUNCHPLAY_MPRIS_OUTBOX"

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment[environmentVariable], !explicit.isEmpty {
            return explicit
        }
        let stateHome: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            stateHome = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            stateHome = home + "/.local/state"
        }
        return stateHome + "/punchplay-mpris/outbox.sqlite"
    }
}
