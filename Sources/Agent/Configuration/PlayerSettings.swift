import Scrobbling

/// The effective settings for one player: the built-in defaults, overlaid with `[defaults]`, then
/// `[players.NAME]`, then `players.d/NAME.toml`.
public struct PlayerSettings: Sendable, Equatable {
    /// Whether to report this player; `nil` when no configuration layer says, so the scrobbling core's
    /// built-in per-player default applies (e.g. browsers off, video players on).
    public var enabled: Bool?
    /// How long a state must hold before it becomes an event (`settle_ms`).
    public var settle: Duration
    /// The time between `progress` events while playing (`progress_interval_seconds`).
    public var progressInterval: Duration
    /// The fraction of the duration that counts as watched at `stop` (`watched_threshold`).
    public var watchedThreshold: Double
    /// Items shorter than this are ignored (`min_duration_seconds`): trailers, clips, music.
    public var minDuration: Duration
    public var mediaType: MediaTypeOverride
    /// Titles matching any of these are never reported.
    public var ignoreTitles: [IgnorePattern]
    /// URLs (including `file://` paths) matching any of these are never reported.
    public var ignoreURLs: [IgnorePattern]
    /// Whether the file name (never the directory) is sent for PunchPlay's fallback matching.
    public var sendFilename: Bool

    /// The built-in defaults, used for every key no configuration layer sets.
    public static let builtIn = PlayerSettings(
        enabled: nil,
        settle: .milliseconds(1500),
        progressInterval: .seconds(15),
        watchedThreshold: 0.9,
        minDuration: .seconds(300),
        mediaType: .auto,
        ignoreTitles: [],
        ignoreURLs: [],
        sendFilename: true
    )

    public init(
        enabled: Bool?,
        settle: Duration,
        progressInterval: Duration,
        watchedThreshold: Double,
        minDuration: Duration,
        mediaType: MediaTypeOverride,
        ignoreTitles: [IgnorePattern],
        ignoreURLs: [IgnorePattern],
        sendFilename: Bool
    ) {
        self.enabled = enabled
        self.settle = settle
        self.progressInterval = progressInterval
        self.watchedThreshold = watchedThreshold
        self.minDuration = minDuration
        self.mediaType = mediaType
        self.ignoreTitles = ignoreTitles
        self.ignoreURLs = ignoreURLs
        self.sendFilename = sendFilename
    }

    /// These settings with every key that `overrides` sets replaced.
    public func applying(_ overrides: PlayerOverrides) -> PlayerSettings {
        PlayerSettings(
            enabled: overrides.enabled ?? enabled,
            settle: overrides.settle ?? settle,
            progressInterval: overrides.progressInterval ?? progressInterval,
            watchedThreshold: overrides.watchedThreshold ?? watchedThreshold,
            minDuration: overrides.minDuration ?? minDuration,
            mediaType: overrides.mediaType ?? mediaType,
            ignoreTitles: overrides.ignoreTitles ?? ignoreTitles,
            ignoreURLs: overrides.ignoreURLs ?? ignoreURLs,
            sendFilename: overrides.sendFilename ?? sendFilename
        )
    }

    /// True when `title` or `url` matches one of the ignore patterns.
    public func ignores(title: String?, url: String?) -> Bool {
        if let title, ignoreTitles.contains(where: { $0.matches(title) }) { return true }
        if let url, ignoreURLs.contains(where: { $0.matches(url) }) { return true }
        return false
    }
}
