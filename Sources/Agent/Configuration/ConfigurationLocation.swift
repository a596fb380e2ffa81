/// Where the configuration is read from: the main file chosen by `--config`, `PUNCHPLAY_MPRIS_CONFIG` or the
/// XDG default, and the `players.d/` directory beside it.
public struct ConfigurationLocation: Sendable, Equatable {
    /// Who chose the main file; an explicitly chosen file must exist, the default one may be missing.
    public enum Origin: String, Sendable, Equatable {
        case commandLine = "--config"
        case environment = "PUNCHPLAY_MPRIS_CONFIG"
        case defaultLocation = "default location"
    }

    /// The environment variable that points at another configuration file.
    public static let environmentVariable = "PUNCHPLAY_MPRIS_CONFIG"
    /// The name of the directory of per-player files beside the main file.
    public static let playersDirectoryName = "players.d"

    /// The main configuration file (`config.toml`).
    public var mainFile: String
    public var origin: Origin

    public init(mainFile: String, origin: Origin) {
        self.mainFile = mainFile
        self.origin = origin
    }

    /// Picks the main file: `--config` first, then `PUNCHPLAY_MPRIS_CONFIG`, then
    /// `$XDG_CONFIG_HOME/punchplay-mpris/config.toml`. Relative paths are taken from `workingDirectory`.
    public static func resolve(
        commandLineFile: String?,
        environment: [String: String],
        directories: XDGDirectories,
        workingDirectory: String
    ) -> ConfigurationLocation {
        if let file = commandLineFile, !file.isEmpty {
            return ConfigurationLocation(mainFile: absolute(file, from: workingDirectory), origin: .commandLine)
        }
        if let file = environment[environmentVariable], !file.isEmpty {
            return ConfigurationLocation(mainFile: absolute(file, from: workingDirectory), origin: .environment)
        }
        return ConfigurationLocation(
            mainFile: directories.agentConfigDirectory + "/config.toml",
            origin: .defaultLocation
        )
    }

    /// True when the user named the file, so a missing file is an error rather than "use the defaults".
    public var isExplicit: Bool { origin != .defaultLocation }

    /// The `players.d/` directory beside the main file.
    public var playersDirectory: String {
        directoryOfMainFile + "/" + Self.playersDirectoryName
    }

    private var directoryOfMainFile: String {
        guard let slash = mainFile.lastIndex(of: "/") else { return "." }
        let directory = String(mainFile[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    private static func absolute(_ path: String, from workingDirectory: String) -> String {
        if path.hasPrefix("/") { return path }
        return (workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/") + path
    }
}
