import Foundation

/// Reads the configuration files (`config.toml` and `players.d/*.toml`) into an `AgentConfiguration`,
/// collecting every problem of every file; also re-reads them on SIGHUP without giving up the running
/// configuration when the new files are broken.
///
/// ```swift
/// let loader = ConfigurationLoader.standard(commandLineFile: options.config)
/// let configuration = try loader.load()          // throws ConfigurationError listing every problem
/// let reload = loader.reload(replacing: configuration)
/// ```
public struct ConfigurationLoader: Sendable {
    /// Larger files are refused: a configuration is a few kilobytes, anything bigger is a mistake.
    static let maximumFileSize = 1 << 20

    public let location: ConfigurationLocation
    /// The default `device_name`.
    public let hostName: String
    /// The `client_id` used when the files set none: the one built into this binary unless a test says otherwise.
    public let builtInClientID: String?

    public init(
        location: ConfigurationLocation,
        hostName: String = HostName.current(),
        builtInClientID: String? = BuiltInClientID.value
    ) {
        self.location = location
        self.hostName = hostName
        self.builtInClientID = builtInClientID
    }

    /// The loader for this process: `--config`, then `PUNCHPLAY_MPRIS_CONFIG`, then the XDG location.
    public static func standard(
        commandLineFile: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ConfigurationLoader {
        let directories = XDGDirectories(
            environment: environment,
            homeDirectory: FileManager.default.homeDirectoryForCurrentUser.path
        )
        let location = ConfigurationLocation.resolve(
            commandLineFile: commandLineFile,
            environment: environment,
            directories: directories,
            workingDirectory: FileManager.default.currentDirectoryPath
        )
        return ConfigurationLoader(location: location)
    }

    /// The files that would be read, in order, and whether each exists.
    public func files() -> [ConfigurationFile] {
        let manager = FileManager.default
        var files = [
            ConfigurationFile(
                path: location.mainFile,
                role: .main,
                exists: manager.fileExists(atPath: location.mainFile)
            )
        ]
        for name in playerFileNames() {
            files.append(
                ConfigurationFile(path: location.playersDirectory + "/" + name, role: .player, exists: true)
            )
        }
        return files
    }

    /// Reads every file. A missing default `config.toml` means "all defaults"; a missing file named by
    /// `--config` or `PUNCHPLAY_MPRIS_CONFIG` is an error.
    public func load() throws(ConfigurationError) -> AgentConfiguration {
        var issues: [ConfigurationIssue] = []
        var sourceFiles: [String] = []
        var main = ConfigurationFileParser.MainFile(
            punchplay: PunchPlaySettings(deviceName: hostName),
            log: LogSettings(),
            desktop: DesktopSettings(),
            defaults: PlayerOverrides(),
            players: [:]
        )
        switch read(location.mainFile) {
        case .missing where !location.isExplicit:
            break
        case .missing:
            issues.append(
                ConfigurationIssue(
                    file: location.mainFile,
                    problem: .unreadable("file not found (named by \(location.origin.rawValue))")
                )
            )
        case .failed(let reason):
            issues.append(ConfigurationIssue(file: location.mainFile, problem: .unreadable(reason)))
        case .text(let text):
            var parser = ConfigurationFileParser(text: text, file: location.mainFile)
            main = parser.parseMainFile(hostName: hostName)
            issues += parser.issues
            sourceFiles.append(location.mainFile)
        }
        for name in playerFileNames() {
            let path = location.playersDirectory + "/" + name
            switch read(path) {
            case .missing:
                continue
            case .failed(let reason):
                issues.append(ConfigurationIssue(file: path, problem: .unreadable(reason)))
            case .text(let text):
                var parser = ConfigurationFileParser(text: text, file: path)
                let overrides = parser.parsePlayerFile()
                issues += parser.issues
                sourceFiles.append(path)
                let player = PlayerName.normalized(String(name.dropLast(".toml".count)))
                main.players[player] = (main.players[player] ?? PlayerOverrides()).overlaid(with: overrides)
            }
        }
        guard issues.isEmpty else { throw ConfigurationError(issues: issues) }
        main.punchplay.builtInClientID = builtInClientID
        return AgentConfiguration(
            punchplay: main.punchplay,
            log: main.log,
            desktop: main.desktop,
            defaults: main.defaults,
            players: main.players,
            sourceFiles: sourceFiles
        )
    }

    /// Re-reads the files: the new configuration, or the problems together with `current`, which stays.
    public func reload(replacing current: AgentConfiguration) -> ConfigurationReload {
        do {
            return .applied(try load())
        } catch {
            return .rejected(error, keeping: current)
        }
    }

    private enum FileContent {
        case missing
        case failed(String)
        case text(String)
    }

    private func read(_ path: String) -> FileContent {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue { return .failed("is a directory, expected a TOML file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failed("cannot be read (check its permissions)")
        }
        if data.count > Self.maximumFileSize {
            return .failed("is \(data.count) bytes; a configuration file must be smaller than 1 MiB")
        }
        guard let text = String(data: data, encoding: .utf8) else { return .failed("is not valid UTF-8 text") }
        if text.contains("\0") { return .failed("contains a NUL byte; it is not a text file") }
        return .text(text)
    }

    /// The `*.toml` files in `players.d/`, sorted; hidden files and other extensions are not read.
    private func playerFileNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: location.playersDirectory)) ?? []
        return names.filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") && $0.count > ".toml".count }.sorted()
    }
}
