import Foundation
import Scrobbling
import Testing

@testable import Agent

@Suite("Configuration loading")
struct ConfigurationLoaderTests {
    @Test("a missing default file means every default, and says that client_id is missing")
    func missingDefaultFile() throws {
        let directory = try ConfigurationTestDirectory()
        let configuration = try directory.loader(origin: .defaultLocation).load()

        #expect(configuration == AgentConfiguration.builtIn(hostName: "test-host"))
        #expect(configuration.punchplay.apiBaseURL == "https://punchplay.tv")
        #expect(configuration.punchplay.deviceName == "test-host")
        #expect(configuration.punchplay.credentialStore == .auto)
        #expect(configuration.punchplay.sendFullPath == false)
        #expect(configuration.log == LogSettings(level: .info, notifications: true, notifyNowWatching: false))
        #expect(configuration.desktop == DesktopSettings(tray: true))
        #expect(configuration.sourceFiles.isEmpty)
        let mpv = RuntimePolicyTests.player("mpv")
        #expect(configuration.policy(for: mpv) == PlayerPolicy.defaults(for: mpv))
        #expect(throws: MissingClientIDError(configurationFile: directory.mainFile)) {
            try configuration.punchplay.requireClientID(configurationFile: directory.mainFile)
        }
    }

    @Test("a missing file named by --config or PUNCHPLAY_MPRIS_CONFIG is an error")
    func missingExplicitFile() throws {
        let directory = try ConfigurationTestDirectory()
        for origin in [ConfigurationLocation.Origin.commandLine, .environment] {
            let error = #expect(throws: ConfigurationError.self) { try directory.loader(origin: origin).load() }
            #expect(
                error?.description == "\(directory.mainFile): file not found (named by \(origin.rawValue))"
            )
        }
    }

    @Test("every key is read and applied")
    func everyKeyApplied() throws {
        let directory = try ConfigurationTestDirectory()
        try directory.write(
            """
            [punchplay]
            client_id = "app-123"
            client_secret = "s3cret"
            api_base_url = "http://127.0.0.1:8080/"
            credential_store = "file"
            device_name = "den"
            send_full_path = true

            [log]
            level = "debug"
            notifications = false
            notify_now_watching = true

            [desktop]
            tray = false

            [defaults]
            enabled = false
            settle_ms = 2500
            progress_interval_seconds = 30
            watched_threshold = 0.8
            min_duration_seconds = 60.5
            media_type = "episode"
            ignore_titles = ["(?i)trailer"]
            ignore_urls = ["^https://youtube"]
            send_filename = false
            """
        )
        let configuration = try directory.loader().load()

        #expect(configuration.punchplay.clientID == "app-123")
        #expect(configuration.punchplay.clientSecret == "s3cret")
        #expect(configuration.punchplay.apiBaseURL == "http://127.0.0.1:8080")
        #expect(configuration.punchplay.credentialStore == .file)
        #expect(configuration.punchplay.deviceName == "den")
        #expect(configuration.punchplay.sendFullPath)
        #expect(try configuration.punchplay.requireClientID(configurationFile: directory.mainFile) == "app-123")
        #expect(configuration.log == LogSettings(level: .debug, notifications: false, notifyNowWatching: true))
        #expect(configuration.desktop == DesktopSettings(tray: false))
        let settings = configuration.policy(for: RuntimePolicyTests.player("mpv", identity: "mpv Media Player"))
        #expect(settings.isEnabled == false)
        #expect(settings.settleWindow == .milliseconds(2500))
        #expect(settings.progressInterval == .seconds(30))
        #expect(settings.watchedThreshold == 0.8)
        #expect(settings.minimumDuration == .milliseconds(60_500))
        #expect(settings.mediaTypeOverride == .episode)
        #expect(settings.ignoredTitles.map(\.source) == ["(?i)trailer"])
        #expect(settings.ignoredURLs.map(\.source) == ["^https://youtube"])
        #expect(settings.sendsFilename == false)
        #expect(settings.ignoreReason(title: "Official TRAILER", url: nil) != nil)
        #expect(settings.ignoreReason(title: nil, url: "https://youtube.com/watch?v=1") != nil)
        #expect(settings.ignoreReason(title: "Dune", url: "file:///films/dune.mkv") == nil)
        #expect(configuration.sourceFiles == [directory.mainFile])
    }

    @Test("every log level name is accepted")
    func logLevels() throws {
        let directory = try ConfigurationTestDirectory()
        for level in ["trace", "debug", "info", "notice", "warning", "error", "critical"] {
            try directory.write("[log]\nlevel = \"\(level)\"\n")
            #expect(try directory.loader().load().log.level.rawValue == level)
        }
    }

    @Test("players: defaults, then [players.NAME], then players.d/NAME.toml, key by key")
    func playerPrecedence() throws {
        let directory = try ConfigurationTestDirectory()
        try directory.write(
            """
            [defaults]
            settle_ms = 1000
            min_duration_seconds = 120

            [players.mpv]
            settle_ms = 2000
            media_type = "movie"
            """
        )
        try directory.write("media_type = \"episode\"\nenabled = true\n", to: "players.d/mpv.toml")
        try directory.write("enabled = false\n", to: "players.d/Firefox.toml")
        try directory.write("enabled = false\n", to: "players.d/notes.txt")
        let configuration = try directory.loader().load()

        let mpv = configuration.overrides(forPlayerName: "mpv", identity: nil)
        #expect(mpv[PlayerSettings.settle] == .milliseconds(2000))
        #expect(mpv[PlayerSettings.minimumDuration] == .seconds(120))
        #expect(mpv[PlayerSettings.mediaType] == .episode)
        #expect(mpv[PlayerSettings.enabled] == true)
        #expect(
            configuration.overrides(forPlayerName: "firefox", identity: "Mozilla Firefox")[PlayerSettings.enabled]
                == false)
        let vlc = configuration.overrides(forPlayerName: "vlc", identity: nil)
        #expect(vlc[PlayerSettings.enabled] == nil)
        #expect(vlc[PlayerSettings.settle] == .milliseconds(1000))
        #expect(
            configuration.sourceFiles == [
                directory.mainFile, directory.path + "/players.d/Firefox.toml", directory.path + "/players.d/mpv.toml",
            ]
        )
    }

    @Test("a player is found by name, by bus name, or by Identity, in any case")
    func playerLookup() throws {
        let directory = try ConfigurationTestDirectory()
        try directory.write(
            """
            [players."VLC media player"]
            settle_ms = 10
            [players.MPV]
            settle_ms = 20
            [players."org.mpris.MediaPlayer2.chromium.instance42"]
            settle_ms = 30
            """
        )
        let configuration = try directory.loader().load()

        let settle = { (name: String, identity: String?) in
            configuration.overrides(forPlayerName: name, identity: identity)[PlayerSettings.settle]
        }
        #expect(settle("vlc", "VLC media player") == .milliseconds(10))
        #expect(settle("mpv", "VLC media player") == .milliseconds(20))
        #expect(settle("Chromium", nil) == .milliseconds(30))
        #expect(settle("org.mpris.MediaPlayer2.mpv.instance7", nil) == .milliseconds(20))
        #expect(configuration.overrides(forPlayerName: "celluloid", identity: "Celluloid") == PlayerOverrides())
    }

    @Test("a reload applies a good file and keeps the previous configuration when the new one is broken")
    func reload() throws {
        let directory = try ConfigurationTestDirectory()
        try directory.write("[punchplay]\nclient_id = \"first\"\n")
        let loader = directory.loader()
        let first = try loader.load()

        try directory.write("[punchplay]\nclient_id = \"second\"\n")
        let applied = loader.reload(replacing: first)
        #expect(applied.configuration.punchplay.clientID == "second")

        try directory.write("[punchplay]\nclient_id = \"third\"\n", to: "config.toml")
        try directory.write("settle_ms = \"slow\"\n", to: "players.d/mpv.toml")
        let rejected = loader.reload(replacing: applied.configuration)
        guard case .rejected(let error, let kept) = rejected else {
            Issue.record("a broken players.d file must reject the reload, got \(rejected)")
            return
        }
        #expect(kept.punchplay.clientID == "second")
        #expect(rejected.configuration == applied.configuration)
        #expect(error.issues.map(\.key) == ["settle_ms"])
    }

    @Test("files that are not readable text are reported, not crashed on")
    func unreadableFiles() throws {
        let directory = try ConfigurationTestDirectory()
        try FileManager.default.createDirectory(atPath: directory.mainFile, withIntermediateDirectories: true)
        try directory.write("x", to: "players.d/big.toml")
        try Data(repeating: 0x61, count: (1 << 20) + 1).write(
            to: URL(fileURLWithPath: directory.path + "/players.d/big.toml"))
        try Data([0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: directory.path + "/players.d/binary.toml"))
        try directory.write("enabled = true\0\n", to: "players.d/nul.toml")

        let error = #expect(throws: ConfigurationError.self) { try directory.loader().load() }
        #expect(
            error?.issues.map(\.description) == [
                "\(directory.mainFile): is a directory, expected a TOML file",
                "\(directory.path)/players.d/big.toml: is 1048577 bytes; a configuration file must be smaller than 1 MiB",
                "\(directory.path)/players.d/binary.toml: is not valid UTF-8 text",
                "\(directory.path)/players.d/nul.toml: contains a NUL byte; it is not a text file",
            ]
        )
    }

    @Test("config path lists the main file and every per-player file")
    func filesToRead() throws {
        let directory = try ConfigurationTestDirectory()
        try directory.write("enabled = false\n", to: "players.d/vlc.toml")
        try directory.write("enabled = false\n", to: "players.d/.hidden.toml")

        #expect(
            directory.loader().files() == [
                ConfigurationFile(path: directory.mainFile, role: .main, exists: false),
                ConfigurationFile(path: directory.path + "/players.d/vlc.toml", role: .player, exists: true),
            ]
        )
    }
}

@Suite("Configuration values keep the client secret out of debug output")
struct ConfigurationSecretOutputTests {
    @Test("printing, dumping or interpolating a configuration never shows client_secret")
    func secretNotPrinted() throws {
        let directory = try ConfigurationTestDirectory()
        try directory.write("[punchplay]\nclient_id = \"app\"\nclient_secret = \"cs-hunter2\"\n")
        let configuration = try directory.loader().load()
        #expect(configuration.punchplay.clientSecret == "cs-hunter2")

        var dumped = ""
        dump(configuration, to: &dumped)
        let renderings = [
            dumped, "\(configuration)", String(reflecting: configuration), "\(configuration.punchplay)",
            String(reflecting: configuration.punchplay),
        ]
        for rendering in renderings {
            #expect(!rendering.contains("hunter2"), "secret in: \(rendering)")
            #expect(rendering.contains("app"))
        }
    }
}
