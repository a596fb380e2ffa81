import Foundation

/// The XDG base directories the agent reads from and writes to, resolved from an environment so that tests
/// and the `--config` override can point them anywhere.
///
/// Follows the XDG Base Directory specification: a variable that is unset, empty or not an absolute path is
/// ignored and the documented fallback under the home directory is used instead.
public struct XDGDirectories: Sendable, Equatable {
    /// `$XDG_CONFIG_HOME`, or `~/.config`.
    public var configHome: String
    /// `$XDG_STATE_HOME`, or `~/.local/state`.
    public var stateHome: String

    /// The name of the agent's directory inside each base directory.
    public static let applicationDirectoryName = "punchplay-mpris"

    public init(configHome: String, stateHome: String) {
        self.configHome = configHome
        self.stateHome = stateHome
    }

    /// Resolves the directories from `environment`, falling back to `homeDirectory`.
    public init(environment: [String: String], homeDirectory: String) {
        let home = environment["HOME"].flatMap(Self.absolutePath) ?? homeDirectory
        self.configHome = environment["XDG_CONFIG_HOME"].flatMap(Self.absolutePath) ?? home + "/.config"
        self.stateHome = environment["XDG_STATE_HOME"].flatMap(Self.absolutePath) ?? home + "/.local/state"
    }

    /// The directories of the running process.
    public static func current() -> XDGDirectories {
        XDGDirectories(
            environment: ProcessInfo.processInfo.environment,
            homeDirectory: FileManager.default.homeDirectoryForCurrentUser.path
        )
    }

    /// `$XDG_CONFIG_HOME/punchplay-mpris`: `config.toml` and `players.d/`.
    public var agentConfigDirectory: String {
        configHome + "/" + Self.applicationDirectoryName
    }

    /// `$XDG_STATE_HOME/punchplay-mpris`: the outbox database, the device id and the credentials file.
    public var agentStateDirectory: String {
        stateHome + "/" + Self.applicationDirectoryName
    }

    private static func absolutePath(_ value: String) -> String? {
        guard value.hasPrefix("/") else { return nil }
        var trimmed = value
        while trimmed.count > 1 && trimmed.hasSuffix("/") {
            trimmed.removeLast()
        }
        return trimmed
    }
}
