/// The whole configuration, immutable once loaded: PunchPlay settings, logging, the desktop, the `[defaults]` player
/// settings and the per-player overrides (from `[players.NAME]` and `players.d/NAME.toml`, already merged).
///
/// Load it with `ConfigurationLoader`; ask for a player's policy with `policy(for:)`.
public struct AgentConfiguration: Sendable, Equatable {
    public let punchplay: PunchPlaySettings
    public let log: LogSettings
    public let desktop: DesktopSettings
    /// The `[defaults]` table: applied to every player before its own overrides.
    public let defaults: PlayerOverrides
    /// Per-player overrides keyed by `PlayerName.normalized` name: `[players.NAME]` overlaid with
    /// `players.d/NAME.toml`.
    public let players: [String: PlayerOverrides]
    /// The files this configuration was read from (only those that exist).
    public let sourceFiles: [String]

    public init(
        punchplay: PunchPlaySettings,
        log: LogSettings = LogSettings(),
        desktop: DesktopSettings = DesktopSettings(),
        defaults: PlayerOverrides = PlayerOverrides(),
        players: [String: PlayerOverrides] = [:],
        sourceFiles: [String] = []
    ) {
        self.punchplay = punchplay
        self.log = log
        self.desktop = desktop
        self.defaults = defaults
        self.players = players
        self.sourceFiles = sourceFiles
    }

    /// The configuration when no file exists: every key at its default.
    public static func builtIn(hostName: String) -> AgentConfiguration {
        AgentConfiguration(punchplay: PunchPlaySettings(deviceName: hostName))
    }

    /// What the files set for a player: `[defaults]`, overlaid with the player's own overrides, found by its
    /// configuration name (`mpv`) or, when there are none for that name, by its `Identity` ("VLC media
    /// player"). Names compare case-insensitively. `policy(for:)` applies them over the built-in policy.
    public func overrides(forPlayerName name: String, identity: String?) -> PlayerOverrides {
        if let own = players[PlayerName.normalized(name)] {
            return defaults.overlaid(with: own)
        }
        if let identity, let own = players[PlayerName.normalized(identity)] {
            return defaults.overlaid(with: own)
        }
        return defaults
    }
}
