import Scrobbling

/// The per-player settings, declared once. Each row is a key of `[defaults]`, `[players.NAME]` and
/// `players.d/NAME.toml`: its documentation, its format (type and allowed range or choices) and the
/// `PlayerPolicy` field it sets, whose value in `PlayerPolicy()` is the default. Reading, validation messages,
/// unknown-key suggestions, layering, the policy, `config example`, `config keys` and README.md's table of
/// per-player keys all come from `all`.
///
/// Adding a setting takes a row here (and in `all`), its field in `PlayerPolicy`, and the core code that
/// uses it; then `scripts/write-generated-docs.sh` refreshes `config/config.example.toml` and README.md.
enum PlayerSettings {
    static let enabled = PlayerSetting(
        "enabled", "Report this player at all. Unset, a built-in choice applies (video players on, browsers off).",
        format: .flag, field: \.isEnabled, example: .commentedOut)
    static let settle = PlayerSetting(
        "settle_ms",
        "Milliseconds a state must hold before it is reported; smooths out bursts of changes.",
        format: .milliseconds(0...60_000), field: \.settleWindow)
    static let progressInterval = PlayerSetting(
        "progress_interval_seconds", "Seconds between progress updates while playing.",
        format: .seconds(5...3600), field: \.progressInterval)
    static let watchedThreshold = PlayerSetting(
        "watched_threshold", "Fraction of the duration that counts as watched.",
        format: .fraction(of: "the duration", 0.01...1), field: \.watchedThreshold)
    static let minimumDuration = PlayerSetting(
        "min_duration_seconds", "Items shorter than this many seconds are ignored: trailers, clips, music.",
        format: .seconds(0...86_400), field: \.minimumDuration)
    static let mediaType = PlayerSetting(
        "media_type",
        "`\"auto\"` works it out from the title and file name; `\"movie\"` or `\"episode\"` forces one.",
        format: .choice, field: \.mediaTypeOverride)
    static let ignoredTitles = PlayerSetting(
        "ignore_titles",
        "Regular expressions; a title matching any of them is never reported. `(?i)` ignores case.",
        format: .regularExpressions, field: \.ignoredTitles,
        example: .value([Self.ignorePattern("(?i)\\btrailer\\b"), Self.ignorePattern("(?i)\\bsample\\b")]))
    static let ignoredURLs = PlayerSetting(
        "ignore_urls", "Regular expressions matched against the URL (`file:///...` for local files).",
        format: .regularExpressions, field: \.ignoredURLs)
    static let sendsFilename = PlayerSetting(
        "send_filename", "Send the file name (never its directory) to help PunchPlay recognise the item.",
        format: .flag, field: \.sendsFilename)

    /// Every row, in the order of the example configuration.
    static let all: [any AnyPlayerSetting] = [
        enabled, settle, progressInterval, watchedThreshold, minimumDuration, mediaType, ignoredTitles, ignoredURLs,
        sendsFilename,
    ]

    /// A pattern of the example configuration, known to be valid.
    private static func ignorePattern(_ source: String) -> IgnorePattern {
        try! IgnorePattern(source)
    }
}
