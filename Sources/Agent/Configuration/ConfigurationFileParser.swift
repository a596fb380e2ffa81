import Credentials
import Foundation
import Logging
import TOMLKit

/// Turns the text of one configuration file into settings and issues: `config.toml` into everything, and a
/// `players.d/NAME.toml` file into one player's overrides.
struct ConfigurationFileParser {
    /// What the main file sets, before `players.d/` is merged in.
    struct MainFile {
        var punchplay: PunchPlaySettings
        var log: LogSettings
        var desktop: DesktopSettings
        var defaults: PlayerOverrides
        var players: [String: PlayerOverrides]
    }

    private var reader: ConfigurationTableReader
    private let root: TOMLTable?

    /// Parses `text`; a syntax error becomes the only issue and leaves nothing to read.
    init(text: String, file: String) {
        let locator = TOMLKeyLocator(text: text)
        var reader = ConfigurationTableReader(file: file, locator: locator)
        if let line = locator.parserAbortingLine {
            root = nil
            reader.appendIssue(
                ConfigurationIssue(
                    file: file, line: line,
                    problem: .syntax("a table header must start with a key name, e.g. [players.mpv]"))
            )
            self.reader = reader
            return
        }
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            root = nil
            let position = error.source.begin
            reader.appendIssue(
                ConfigurationIssue(
                    file: file, line: position.line, column: position.column, problem: .syntax(error.description))
            )
        } catch {
            root = nil
            reader.appendIssue(ConfigurationIssue(file: file, problem: .syntax("\(error)")))
        }
        self.reader = reader
    }

    /// The problems found so far, in line order.
    var issues: [ConfigurationIssue] {
        reader.issues.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
    }

    /// Reads the main file over the built-in defaults.
    mutating func parseMainFile(hostName: String) -> MainFile {
        var result = MainFile(
            punchplay: PunchPlaySettings(deviceName: hostName),
            log: LogSettings(),
            desktop: DesktopSettings(),
            defaults: PlayerOverrides(),
            players: [:]
        )
        guard let root else { return result }
        reader.reportUnknownKeys(in: root, at: [], known: ConfigurationKeys.tables)
        if let table = topLevelTable(ConfigurationKeys.punchplayTable, in: root) {
            result.punchplay = punchplaySettings(from: table, hostName: hostName)
        }
        if let table = topLevelTable(ConfigurationKeys.logTable, in: root) {
            result.log = logSettings(from: table)
        }
        if let table = topLevelTable(ConfigurationKeys.desktopTable, in: root) {
            result.desktop = desktopSettings(from: table)
        }
        if let table = topLevelTable(ConfigurationKeys.defaultsTable, in: root) {
            result.defaults = playerOverrides(from: table, at: [ConfigurationKeys.defaultsTable])
        }
        if let table = topLevelTable(ConfigurationKeys.playersTable, in: root) {
            result.players = players(from: table)
        }
        return result
    }

    /// Reads a `players.d/NAME.toml` file: the same keys as `[players.NAME]`, at the top level.
    mutating func parsePlayerFile() -> PlayerOverrides {
        guard let root else { return PlayerOverrides() }
        return playerOverrides(from: root, at: [])
    }

    private mutating func punchplaySettings(from table: TOMLTable, hostName: String) -> PunchPlaySettings {
        let path = [ConfigurationKeys.punchplayTable]
        reader.reportUnknownKeys(in: table, at: path, known: ConfigurationKeys.punchplay)
        var settings = PunchPlaySettings(deviceName: hostName)
        settings.clientID = reader.string(
            ConfigurationKeys.clientID, in: table, at: path,
            expected: ClientIDValidation.expected, validate: ClientIDValidation.validated
        )
        settings.clientSecret = reader.string(
            ConfigurationKeys.clientSecret, in: table, at: path,
            expected: "a non-empty string (or remove the key for a public client)",
            validate: { $0.isEmpty ? nil : $0 }
        )
        if let url = reader.string(
            ConfigurationKeys.apiBaseURL, in: table, at: path,
            expected: BaseURLValidation.expected, validate: BaseURLValidation.validated)
        {
            settings.apiBaseURL = url
        }
        if let store: CredentialStoreChoice = reader.choice(ConfigurationKeys.credentialStore, in: table, at: path) {
            settings.credentialStore = store
        }
        if let name = reader.string(
            ConfigurationKeys.deviceName, in: table, at: path,
            expected: "a device name of 1 to 64 printable characters",
            validate: Self.validatedDeviceName)
        {
            settings.deviceName = name
        }
        if let sendFullPath = reader.bool(ConfigurationKeys.sendFullPath, in: table, at: path) {
            settings.sendFullPath = sendFullPath
        }
        return settings
    }

    private mutating func logSettings(from table: TOMLTable) -> LogSettings {
        let path = [ConfigurationKeys.logTable]
        reader.reportUnknownKeys(in: table, at: path, known: ConfigurationKeys.log)
        var settings = LogSettings()
        if let level: Logger.Level = reader.choice(ConfigurationKeys.level, in: table, at: path) {
            settings.level = level
        }
        if let notifications = reader.bool(ConfigurationKeys.notifications, in: table, at: path) {
            settings.notifications = notifications
        }
        if let nowWatching = reader.bool(ConfigurationKeys.notifyNowWatching, in: table, at: path) {
            settings.notifyNowWatching = nowWatching
        }
        return settings
    }

    private mutating func desktopSettings(from table: TOMLTable) -> DesktopSettings {
        let path = [ConfigurationKeys.desktopTable]
        reader.reportUnknownKeys(in: table, at: path, known: ConfigurationKeys.desktop)
        var settings = DesktopSettings()
        if let tray = reader.bool(ConfigurationKeys.tray, in: table, at: path) {
            settings.tray = tray
        }
        return settings
    }

    private mutating func players(from table: TOMLTable) -> [String: PlayerOverrides] {
        var players: [String: PlayerOverrides] = [:]
        for name in table.keys.sorted() {
            let path = [ConfigurationKeys.playersTable]
            guard
                let playerTable = reader.table(
                    name, in: table, at: path,
                    expected: "a table of player settings, e.g. [players.\(name)] with enabled = false")
            else { continue }
            let overrides = playerOverrides(from: playerTable, at: path + [name])
            let key = PlayerName.normalized(name)
            players[key] = (players[key] ?? PlayerOverrides()).overlaid(with: overrides)
        }
        return players
    }

    private mutating func playerOverrides(from table: TOMLTable, at path: [String]) -> PlayerOverrides {
        reader.reportUnknownKeys(in: table, at: path, known: ConfigurationKeys.player)
        var overrides = PlayerOverrides()
        for setting in PlayerSettings.all {
            setting.read(from: table, at: path, with: &reader, into: &overrides)
        }
        return overrides
    }

    private mutating func topLevelTable(_ name: String, in root: TOMLTable) -> TOMLTable? {
        let example = name == ConfigurationKeys.playersTable ? "[players.mpv]" : "[\(name)]"
        return reader.table(name, in: root, at: [], expected: "a table, e.g. \(example)")
    }

    private static func validatedDeviceName(_ name: String) -> String? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let hasControlCharacters = trimmed.unicodeScalars.contains { $0.properties.generalCategory == .control }
        guard (1...64).contains(trimmed.count), !hasControlCharacters else { return nil }
        return trimmed
    }
}
