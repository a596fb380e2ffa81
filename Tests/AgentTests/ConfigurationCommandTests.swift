import Foundation
import TestSupport
import Testing

@testable import Agent

/// Runs the built `punchplay-mpris` binary, as a user would, for the `config` commands.
@Suite("config check / path / example / keys commands")
struct ConfigurationCommandTests {
    /// Runs the built binary with only `environment` and a `HOME` that does not exist.
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> CommandRun {
        try await CommandRun.run(
            arguments,
            environment: ["HOME": "/nonexistent"].merging(environment) { $1 },
            inheritingEnvironment: false
        )
    }

    @Test("config check exits 0 for a good file and 1 with every problem for a bad one")
    func check() async throws {
        let directory = try ConfigurationTestDirectory()
        try directory.write("[punchplay]\nclient_id = \"app\"\n")
        let good = try await Self.run(["config", "check", "--config", directory.mainFile])
        #expect(good.status == 0)
        #expect(good.output == "Configuration OK: \(directory.mainFile)\n")

        try directory.write("[log]\nlevel = \"loud\"\nnotifcations = true\n")
        let bad = try await Self.run(["config", "check", "--config", directory.mainFile])
        #expect(bad.status == 1)
        #expect(
            bad.errorOutput.hasPrefix(
                "\(directory.mainFile):2: log.level = \"loud\": expected one of \"trace\", \"debug\", \"info\", "
                    + "\"notice\", \"warning\", \"error\", \"critical\"\n"
                    + "\(directory.mainFile):3: unknown key 'log.notifcations'; did you mean 'log.notifications'?\n"
                    + "2 problems found.\n"
            )
        )
    }

    @Test("config check follows PUNCHPLAY_MPRIS_CONFIG and says when client_id is missing")
    func checkFromEnvironment() async throws {
        let directory = try ConfigurationTestDirectory()
        try directory.write("[log]\nlevel = \"debug\"\n")
        let result = try await Self.run(
            ["config", "check"], environment: ["PUNCHPLAY_MPRIS_CONFIG": directory.mainFile])
        #expect(result.status == 0)
        #expect(
            result.output
                == "Configuration OK: \(directory.mainFile)\nNote: no [punchplay] client_id is set; `login` needs one.\n"
        )
    }

    @Test("config path lists the files under XDG_CONFIG_HOME")
    func path() async throws {
        let directory = try ConfigurationTestDirectory()
        let base = directory.path + "/punchplay-mpris"
        try directory.write("enabled = false\n", to: "punchplay-mpris/players.d/vlc.toml")
        let result = try await Self.run(["config", "path"], environment: ["XDG_CONFIG_HOME": directory.path])
        #expect(result.status == 0)
        #expect(
            result.output == """
                \(base)/config.toml (main, missing)
                \(base)/players.d/vlc.toml (player, exists)
                \(base)/players.d/NAME.toml (per-player files)

                """
        )
    }

    @Test("config keys aligns every per-player key with its default and allowed values, its meaning below")
    func keys() async throws {
        let result = try await Self.run(["config", "keys"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "Per-player keys, for [defaults], [players.NAME] and players.d/NAME.toml:")
        #expect(lines.contains("KEY                        DEFAULT     ALLOWED"))
        #expect(lines.contains("enabled                    per player  true or false"))
        #expect(
            lines.contains(
                "    Report this player at all. Unset, a built-in choice applies (video players on, browsers off)."))
        #expect(lines.contains("settle_ms                  1500        a whole number of milliseconds from 0 to 60000"))
        #expect(lines.contains("media_type                 \"auto\"      one of \"auto\", \"movie\", \"episode\""))
        #expect(
            lines.contains(
                "    Regular expressions; a title matching any of them is never reported. (?i) ignores case."))
        for key in ConfigurationKeys.player {
            #expect(lines.contains { $0.hasPrefix(key + " ") }, "\(key) missing from config keys")
        }
        #expect(!lines.contains { $0.hasSuffix(" ") }, "config keys pads a line with trailing spaces")
    }

    @Test("config keys --markdown prints README.md's table of per-player keys")
    func keysMarkdown() async throws {
        let result = try await Self.run(["config", "keys", "--markdown"])
        #expect(result.status == 0)
        #expect(result.output == (try ConfigurationExampleTests.readmePerPlayerKeys()).map { $0 + "\n" })
    }

    @Test("config example prints config/config.example.toml")
    func example() async throws {
        let result = try await Self.run(["config", "example"])
        #expect(result.status == 0)
        #expect(result.output == (try ConfigurationExampleTests.repositoryFile("config/config.example.toml")))
    }
}
