/// The documented example configuration, printed by `config example` and kept as
/// `config/config.example.toml` (`scripts/write-generated-docs.sh` writes it; a test checks that the file
/// matches). The per-player part is generated from `PlayerSettings`, so it always lists every key with its
/// default.
public enum ExampleConfiguration {
    /// The whole example, without a final newline.
    public static let text = [introduction, playerDefaults, playerExamples].joined(separator: "\n")

    /// The header, `[punchplay]`, `[log]` and `[desktop]`.
    private static let introduction = #"""
        # punchplay-mpris configuration
        #
        # Location: $XDG_CONFIG_HOME/punchplay-mpris/config.toml (usually ~/.config/punchplay-mpris/config.toml),
        # or the file named by --config / PUNCHPLAY_MPRIS_CONFIG. Every key is optional; a missing key keeps the
        # default shown here. Check your file with `punchplay-mpris config check`.

        [punchplay]
        # The client_id of your PunchPlay developer app, needed for `punchplay-mpris login` unless your package has
        # one built in (`punchplay-mpris --version` says); set here, it overrides the built-in one.
        # client_id = "your-app-client-id"
        # Only for confidential apps; a desktop agent is normally a public client without a secret.
        # client_secret = ""
        # https only; plain http is accepted for localhost/127.0.0.1/[::1] (the local sandbox).
        api_base_url = "https://punchplay.tv"
        # Where login credentials are kept: "auto" (the Secret Service when available, else a 0600 file),
        # "keyring" or "file".
        credential_store = "auto"
        # The name this machine has in PunchPlay. Default: the host name.
        # device_name = "living-room-pc"
        # Send a file's full path instead of only its name (privacy: off by default).
        send_full_path = false

        [log]
        # trace, debug, info, notice, warning, error or critical. "debug" is the debug log mode
        # (same as --debug or PUNCHPLAY_MPRIS_DEBUG=1): every observation, decision and HTTP exchange.
        level = "info"
        # Desktop notifications for the login code and "login needed again".
        notifications = true
        # A "now watching ..." notification whenever a playback starts.
        notify_now_watching = false

        [desktop]
        # A tray icon (StatusNotifierItem) showing what is reported, with a menu to pause, resume, retry
        # failed events, log in or quit. Shown by desktops with a StatusNotifierWatcher (KDE, GNOME with the
        # AppIndicator extension, waybar, ...); elsewhere it waits quietly for one.
        tray = true
        """#

    /// `[defaults]`: every per-player key with its documentation and default.
    private static let playerDefaults =
        ([
            "",
            "# Settings for every player; [players.NAME] and players.d/NAME.toml override them key by key.",
            "[defaults]",
        ] + PlayerSettings.all.flatMap(\.exampleLines)).joined(separator: "\n")

    /// `[players.NAME]` examples.
    private static let playerExamples = #"""

        # Per-player settings. NAME is the bus name without "org.mpris.MediaPlayer2." and any instance
        # suffix (mpv, vlc, firefox, chromium), or the player's Identity ("VLC media player"), any case.
        # The same keys can live in players.d/NAME.toml; a key set there wins over [players.NAME].
        [players.mpv]
        enabled = true

        [players.firefox]
        enabled = false

        [players.vlc]
        ignore_urls = ["^https?://"]
        """#
}
