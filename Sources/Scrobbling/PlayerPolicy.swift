/// How the core treats one player: whether it reports at all, its timings and thresholds, what it skips,
/// and what it may reveal about files. The agent builds it from configuration; `defaults(for:)` applies
/// when the user said nothing.
///
/// The initialiser's default arguments are the one place the settings' default values live: the agent's
/// configuration table reads them from `PlayerPolicy()`.
public struct PlayerPolicy: Sendable, Hashable {
    /// Whether this player's playback is reported at all.
    public var isEnabled: Bool
    /// How long a state must hold before it becomes an event.
    public var settleWindow: Duration
    /// How often `progress` is sent while playing.
    public var progressInterval: Duration
    /// The fraction of the duration from which a stop counts as watched (`watched_threshold`).
    public var watchedThreshold: Double
    /// Items shorter than this (trailers, clips) are not reported.
    public var minimumDuration: Duration
    public var mediaTypeOverride: MediaTypeOverride
    /// Items whose title matches one of these are not reported.
    public var ignoredTitles: [IgnorePattern]
    /// Items whose URL matches one of these are not reported.
    public var ignoredURLs: [IgnorePattern]
    /// Whether `raw_filename` is sent at all.
    public var sendsFilename: Bool
    /// Whether `raw_filename` is the full path instead of the file name alone (privacy: off by default).
    public var sendsFullPath: Bool

    public init(
        isEnabled: Bool = true,
        settleWindow: Duration = .milliseconds(1500),
        progressInterval: Duration = .seconds(15),
        watchedThreshold: Double = 0.9,
        minimumDuration: Duration = .seconds(300),
        mediaTypeOverride: MediaTypeOverride = .auto,
        ignoredTitles: [IgnorePattern] = [],
        ignoredURLs: [IgnorePattern] = [],
        sendsFilename: Bool = true,
        sendsFullPath: Bool = false
    ) {
        self.isEnabled = isEnabled
        self.settleWindow = settleWindow
        self.progressInterval = progressInterval
        self.watchedThreshold = watchedThreshold
        self.minimumDuration = minimumDuration
        self.mediaTypeOverride = mediaTypeOverride
        self.ignoredTitles = ignoredTitles
        self.ignoredURLs = ignoredURLs
        self.sendsFilename = sendsFilename
        self.sendsFullPath = sendsFullPath
    }

    /// The first ignore pattern that matches the item, described for the debug log, or nil.
    public func ignoreReason(title: String?, url: String?) -> String? {
        if let title, let pattern = ignoredTitles.first(where: { $0.matches(title) }) {
            return "title matches ignore pattern \"\(pattern)\""
        }
        if let url, let pattern = ignoredURLs.first(where: { $0.matches(url) }) {
            return "URL matches ignore pattern \"\(pattern)\""
        }
        return nil
    }
}
