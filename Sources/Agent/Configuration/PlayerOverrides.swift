import Scrobbling

/// The keys one `[defaults]`, `[players.NAME]` table or `players.d/NAME.toml` file sets; `nil` means "not set
/// here", so layers can be merged key by key.
public struct PlayerOverrides: Sendable, Equatable {
    public var enabled: Bool?
    public var settle: Duration?
    public var progressInterval: Duration?
    public var watchedThreshold: Double?
    public var minDuration: Duration?
    public var mediaType: MediaTypeOverride?
    public var ignoreTitles: [IgnorePattern]?
    public var ignoreURLs: [IgnorePattern]?
    public var sendFilename: Bool?

    public init(
        enabled: Bool? = nil,
        settle: Duration? = nil,
        progressInterval: Duration? = nil,
        watchedThreshold: Double? = nil,
        minDuration: Duration? = nil,
        mediaType: MediaTypeOverride? = nil,
        ignoreTitles: [IgnorePattern]? = nil,
        ignoreURLs: [IgnorePattern]? = nil,
        sendFilename: Bool? = nil
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

    /// These overrides with every key that `other` sets replaced by `other`'s value.
    public func overlaid(with other: PlayerOverrides) -> PlayerOverrides {
        PlayerOverrides(
            enabled: other.enabled ?? enabled,
            settle: other.settle ?? settle,
            progressInterval: other.progressInterval ?? progressInterval,
            watchedThreshold: other.watchedThreshold ?? watchedThreshold,
            minDuration: other.minDuration ?? minDuration,
            mediaType: other.mediaType ?? mediaType,
            ignoreTitles: other.ignoreTitles ?? ignoreTitles,
            ignoreURLs: other.ignoreURLs ?? ignoreURLs,
            sendFilename: other.sendFilename ?? sendFilename
        )
    }
}
