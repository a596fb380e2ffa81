/// The key names of the configuration file: the public contract users write, in one place so that unknown
/// keys can be reported with a suggestion.
enum ConfigurationKeys {
    static let punchplayTable = "punchplay"
    static let logTable = "log"
    static let defaultsTable = "defaults"
    static let playersTable = "players"
    static let desktopTable = "desktop"
    static let tables = [punchplayTable, logTable, desktopTable, defaultsTable, playersTable]

    static let clientID = "client_id"
    static let clientSecret = "client_secret"
    static let apiBaseURL = "api_base_url"
    static let credentialStore = "credential_store"
    static let deviceName = "device_name"
    static let sendFullPath = "send_full_path"
    static let punchplay = [clientID, clientSecret, apiBaseURL, credentialStore, deviceName, sendFullPath]

    static let level = "level"
    static let notifications = "notifications"
    static let notifyNowWatching = "notify_now_watching"
    static let log = [level, notifications, notifyNowWatching]

    static let tray = "tray"
    static let desktop = [tray]

    /// The per-player keys, from the one table that declares them.
    static let player = PlayerSettings.all.map(\.key)

    /// Keys whose values are never echoed in messages.
    static let secrets: Set<String> = [clientSecret]

    /// The table a key belongs to when it is written in the wrong one (`level` under `[punchplay]`).
    static func table(owning key: String) -> String? {
        if punchplay.contains(key) { return punchplayTable }
        if log.contains(key) { return logTable }
        if desktop.contains(key) { return desktopTable }
        if player.contains(key) { return defaultsTable }
        return nil
    }
}
