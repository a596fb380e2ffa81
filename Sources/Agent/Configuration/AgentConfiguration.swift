import MPRIS
import PlaybackModel

/// The whole configuration, immutable once loaded: PunchPlay settings, logging, the `[defaults]` player
/// settings and the per-player overrides (from `[players.NAME]` and `players.d/NAME.toml`, already merged).
///
/// Load it with `ConfigurationLoader`; ask for a player's effective settings with
/// `settings(forPlayerName:identity:)`.
public struct AgentConfiguration: Sendable, Equatable {
    public let punchplay: PunchPlaySettings
    public let log: LogSettings
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
        defaults: PlayerOverrides = PlayerOverrides(),
        players: [String: PlayerOverrides] = [:],
        sourceFiles: [String] = []
    ) {
        self.punchplay = punchplay
        self.log = log
        self.defaults = defaults
        self.players = players
        self.sourceFiles = sourceFiles
    }

    /// The configuration when no file exists: every key at its default.
    public static func builtIn(hostName: String) -> AgentConfiguration {
        AgentConfiguration(punchplay: PunchPlaySettings(deviceName: hostName))
    }

    /// The effective settings for a player: built-in defaults, then `[defaults]`, then the player's own
    /// overrides, found by its configuration name (`mpv`) or, when there are none for that name, by its
    /// `Identity` ("VLC media player"). Names compare case-insensitively.
    public func settings(forPlayerName name: String, identity: String?) -> PlayerSettings {
        let base = PlayerSettings.builtIn.applying(defaults)
        if let overrides = players[PlayerName.normalized(name)] {
            return base.applying(overrides)
        }
        if let identity, let overrides = players[PlayerName.normalized(identity)] {
            return base.applying(overrides)
        }
        return base
    }

    /// The effective settings for a player seen on the bus.
    public func settings(for player: PlayerInfo) -> PlayerSettings {
        settings(forPlayerName: player.name, identity: player.identity)
    }
}
