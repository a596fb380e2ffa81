import Foundation
import Testing

@testable import Agent

@Suite("Configuration validation messages")
struct ConfigurationValidationTests {
    /// A file with one bad value and the exact message expected for it (after `FILE:`).
    struct BadValue: Sendable, CustomTestStringConvertible {
        var toml: String
        var message: String
        var testDescription: String { message }
    }

    static let urlExpectation =
        "expected an https:// URL without user name, password, query or fragment (http:// only for localhost, "
        + "127.0.0.1 or [::1]), e.g. \"https://punchplay.tv\""

    static let badValues: [BadValue] = [
        BadValue(
            toml: "[punchplay]\nclient_id = \"\"",
            message: "2: punchplay.client_id = \"\": expected the client_id of your PunchPlay app: "
                + "a non-empty string without spaces"
        ),
        BadValue(
            toml: "[punchplay]\n\nclient_id = \"my app\"",
            message: "3: punchplay.client_id = \"my app\": expected the client_id of your PunchPlay app: "
                + "a non-empty string without spaces"
        ),
        BadValue(
            toml: "[punchplay]\nclient_secret = \"\"",
            message: "2: punchplay.client_secret = <redacted>: expected a non-empty string (or remove the key for a "
                + "public client)"
        ),
        BadValue(
            toml: "[punchplay]\napi_base_url = \"http://punchplay.tv\"",
            message: "2: punchplay.api_base_url = \"http://punchplay.tv\": " + urlExpectation
        ),
        BadValue(
            toml: "[punchplay]\napi_base_url = \"https://me:pa55@punchplay.tv\"",
            message: "2: punchplay.api_base_url = \"https://<redacted>@punchplay.tv\": " + urlExpectation
        ),
        BadValue(
            toml: "[punchplay]\napi_base_url = \"https://punchplay.tv/?token=1\"",
            message: "2: punchplay.api_base_url = \"https://punchplay.tv/?token=1\": " + urlExpectation
        ),
        BadValue(
            toml: "[punchplay]\napi_base_url = \"ftp://punchplay.tv\"",
            message: "2: punchplay.api_base_url = \"ftp://punchplay.tv\": " + urlExpectation
        ),
        BadValue(
            toml: "[punchplay]\napi_base_url = \"punchplay.tv\"",
            message: "2: punchplay.api_base_url = \"punchplay.tv\": " + urlExpectation
        ),
        BadValue(
            toml: "[punchplay]\ncredential_store = \"vault\"",
            message: "2: punchplay.credential_store = \"vault\": expected one of \"auto\", \"keyring\", \"file\""
        ),
        BadValue(
            toml: "[punchplay]\ndevice_name = \"   \"",
            message: "2: punchplay.device_name = \"   \": expected a device name of 1 to 64 printable characters"
        ),
        BadValue(
            toml: "[punchplay]\nsend_full_path = \"yes\"",
            message: "2: punchplay.send_full_path = \"yes\": expected true or false"
        ),
        BadValue(
            toml: "[log]\nlevel = \"verbose\"",
            message: "2: log.level = \"verbose\": expected one of \"trace\", \"debug\", \"info\", \"notice\", "
                + "\"warning\", \"error\", \"critical\""
        ),
        BadValue(
            toml: "[log]\nnotifications = 1",
            message: "2: log.notifications = 1: expected true or false"
        ),
        BadValue(
            toml: "[log]\nnotify_now_watching = \"no\"",
            message: "2: log.notify_now_watching = \"no\": expected true or false"
        ),
        BadValue(
            toml: "[desktop]\ntray = \"yes\"",
            message: "2: desktop.tray = \"yes\": expected true or false"
        ),
        BadValue(
            toml: "[defaults]\nenabled = \"true\"",
            message: "2: defaults.enabled = \"true\": expected true or false"
        ),
        BadValue(
            toml: "[defaults]\nsettle_ms = 1.5",
            message: "2: defaults.settle_ms = 1.5: expected a whole number of milliseconds from 0 to 60000"
        ),
        BadValue(
            toml: "[defaults]\nsettle_ms = 60001",
            message: "2: defaults.settle_ms = 60001: expected a whole number of milliseconds from 0 to 60000"
        ),
        BadValue(
            toml: "[defaults]\nprogress_interval_seconds = 2",
            message: "2: defaults.progress_interval_seconds = 2: expected a number of seconds from 5 to 3600"
        ),
        BadValue(
            toml: "[defaults]\nwatched_threshold = 1.5",
            message: "2: defaults.watched_threshold = 1.5: expected a fraction of the duration from 0.01 to 1, e.g. 0.9"
        ),
        BadValue(
            toml: "[defaults]\nwatched_threshold = 0",
            message: "2: defaults.watched_threshold = 0: expected a fraction of the duration from 0.01 to 1, e.g. 0.9"
        ),
        BadValue(
            toml: "[defaults]\nmin_duration_seconds = -1",
            message: "2: defaults.min_duration_seconds = -1: expected a number of seconds from 0 to 86400"
        ),
        BadValue(
            toml: "[defaults]\nmedia_type = \"show\"",
            message: "2: defaults.media_type = \"show\": expected one of \"auto\", \"movie\", \"episode\""
        ),
        BadValue(
            toml: "[defaults]\nignore_titles = \"trailer\"",
            message: "2: defaults.ignore_titles = \"trailer\": expected an array of regular expressions, "
                + "e.g. [\"(?i)trailer\"]"
        ),
        BadValue(
            toml: "[defaults]\nignore_urls = [\"ok\", 7]",
            message: "2: defaults.ignore_urls = 7: expected a regular expression in quotes"
        ),
        BadValue(
            toml: "[defaults]\nsend_filename = 0",
            message: "2: defaults.send_filename = 0: expected true or false"
        ),
        BadValue(
            toml: "[players]\nmpv = true",
            message: "2: players.mpv = true: expected a table of player settings, e.g. [players.mpv] with "
                + "enabled = false"
        ),
        BadValue(
            toml: "[log.notifications]\nenabled = true",
            message: "1: log.notifications = (a table): expected true or false"
        ),
        BadValue(
            toml: "[log]\nlevel = \"\"\"\ndebug\n\"\"\"",
            message: "2: log.level = \"debug \": expected one of \"trace\", \"debug\", \"info\", \"notice\", "
                + "\"warning\", \"error\", \"critical\""
        ),
        BadValue(
            toml: "# comment\npunchplay = 3",
            message: "2: punchplay = 3: expected a table, e.g. [punchplay]"
        ),
        BadValue(
            toml: "[players.\"VLC media player\"]\n# a comment\nsettle_ms = \"fast\"",
            message: "3: players.\"VLC media player\".settle_ms = \"fast\": expected a whole number of "
                + "milliseconds from 0 to 60000"
        ),
    ]

    @Test("a bad value names the file, line, key, value and what is expected", arguments: badValues)
    func badValue(_ case: BadValue) throws {
        let directory = try ConfigurationTestDirectory()
        let issues = try directory.issues(loading: `case`.toml)
        #expect(issues.map(\.description) == ["\(directory.mainFile):\(`case`.message)"])
    }

    @Test("a pattern that does not compile is reported with the compiler's reason")
    func badPattern() throws {
        let directory = try ConfigurationTestDirectory()
        let issues = try directory.issues(loading: "[players.mpv]\nignore_titles = [\"(?i)trailer\", \"(unclosed\"]")
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.line == 2)
        #expect(issue.key == "players.mpv.ignore_titles")
        #expect(issue.value == "\"(unclosed\"")
        guard case .invalidValue(let expected) = issue.problem else {
            Issue.record("expected an invalid value, got \(issue.problem)")
            return
        }
        #expect(expected.hasPrefix("a valid regular expression ("))
        #expect(expected.count > "a valid regular expression ()".count)
    }

    @Test(
        "loopback hosts may use plain http",
        arguments: [
            "http://localhost:8080", "http://127.0.0.1", "http://127.1.2.3:9", "http://[::1]:8080",
            "https://example.org/base",
        ])
    func loopbackHTTP(_ url: String) throws {
        let directory = try ConfigurationTestDirectory()
        try directory.write("[punchplay]\napi_base_url = \"\(url)\"")
        #expect(try directory.loader().load().punchplay.apiBaseURL == url)
    }

    @Test("every problem of every file is collected, in file and line order")
    func collectsEverything() throws {
        let directory = try ConfigurationTestDirectory()
        try directory.write("settle_ms = -1\nenabled = 3\n", to: "players.d/vlc.toml")
        let issues = try directory.issues(
            loading: """
                [log]
                level = "loud"

                [punchplay]
                credential_store = 1
                device_name = ""
                """
        )
        #expect(
            issues.map { "\(($0.file as NSString).lastPathComponent):\($0.line ?? 0):\($0.key ?? "")" } == [
                "config.toml:2:log.level",
                "config.toml:5:punchplay.credential_store",
                "config.toml:6:punchplay.device_name",
                "vlc.toml:1:settle_ms",
                "vlc.toml:2:enabled",
            ]
        )
    }

    @Test("a TOML syntax error carries line and column")
    func syntaxError() throws {
        let directory = try ConfigurationTestDirectory()
        let issues = try directory.issues(loading: "[log]\nlevel = \"info\"\nnotifications = \n")
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.line == 3)
        #expect(issue.column == 17)
        guard case .syntax(let text) = issue.problem else {
            Issue.record("expected a syntax error, got \(issue.problem)")
            return
        }
        #expect(issue.description == "\(directory.mainFile):3:17: TOML syntax error: \(text)")
    }

    @Test("a key written twice is a syntax error on the second line")
    func duplicateKey() throws {
        let directory = try ConfigurationTestDirectory()
        let issues = try directory.issues(loading: "[log]\nlevel = \"info\"\nlevel = \"debug\"\n")
        #expect(issues.map(\.line) == [3])
    }

    @Test("secrets never appear in messages")
    func secretsHidden() throws {
        let directory = try ConfigurationTestDirectory()
        let issues = try directory.issues(
            loading: """
                [punchplay]
                client_secret = ["hunter2-secret"]
                api_base_url = "http://alice:hunter2-password@example.com"
                """
        )
        let text = ConfigurationError(issues: issues).description
        #expect(issues.count == 2)
        #expect(!text.contains("hunter2"))
        #expect(!text.contains("alice"))
    }

    @Test("long values are shortened in messages")
    func longValue() throws {
        let directory = try ConfigurationTestDirectory()
        let long = String(repeating: "x", count: 5000)
        let issues = try directory.issues(loading: "[log]\nlevel = \"\(long)\"")
        let value = try #require(issues.first?.value)
        #expect(value.count == 121)
        #expect(value.hasSuffix("…"))
    }
}
