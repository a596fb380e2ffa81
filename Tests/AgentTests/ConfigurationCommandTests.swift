import Foundation
import Testing

/// Runs the built `punchplay-mpris` binary, as a user would, for the `config` commands.
@Suite("config check / path / example commands")
struct ConfigurationCommandTests {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The executable built next to the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("punchplay-mpris")
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ["HOME": "/nonexistent", "PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self)
        )
    }

    @Test("config check exits 0 for a good file and 1 with every problem for a bad one")
    func check() throws {
        let directory = try ConfigurationTestDirectory()
        try directory.write("[punchplay]\nclient_id = \"app\"\n")
        let good = try Self.run(["config", "check", "--config", directory.mainFile])
        #expect(good.status == 0)
        #expect(good.output == "Configuration OK: \(directory.mainFile)\n")

        try directory.write("[log]\nlevel = \"loud\"\nnotifcations = true\n")
        let bad = try Self.run(["config", "check", "--config", directory.mainFile])
        #expect(bad.status == 1)
        #expect(
            bad.errors.hasPrefix(
                "\(directory.mainFile):2: log.level = \"loud\": expected one of \"trace\", \"debug\", \"info\", "
                    + "\"notice\", \"warning\", \"error\", \"critical\"\n"
                    + "\(directory.mainFile):3: unknown key 'log.notifcations'; did you mean 'log.notifications'?\n"
                    + "2 problems found.\n"
            )
        )
    }

    @Test("config check follows PUNCHPLAY_MPRIS_CONFIG and says when client_id is missing")
    func checkFromEnvironment() throws {
        let directory = try ConfigurationTestDirectory()
        try directory.write("[log]\nlevel = \"debug\"\n")
        let result = try Self.run(["config", "check"], environment: ["PUNCHPLAY_MPRIS_CONFIG": directory.mainFile])
        #expect(result.status == 0)
        #expect(
            result.output
                == "Configuration OK: \(directory.mainFile)\nNote: no [punchplay] client_id is set; `login` needs one.\n"
        )
    }

    @Test("config path lists the files under XDG_CONFIG_HOME")
    func path() throws {
        let directory = try ConfigurationTestDirectory()
        let base = directory.path + "/punchplay-mpris"
        try directory.write("enabled = false\n", to: "punchplay-mpris/players.d/vlc.toml")
        let result = try Self.run(["config", "path"], environment: ["XDG_CONFIG_HOME": directory.path])
        #expect(result.status == 0)
        #expect(
            result.output == """
                \(base)/config.toml (main, missing)
                \(base)/players.d/vlc.toml (player, exists)
                \(base)/players.d/NAME.toml (per-player files)

                """
        )
    }

    @Test("config example prints config/config.example.toml")
    func example() throws {
        let result = try Self.run(["config", "example"])
        #expect(result.status == 0)
        #expect(result.output == (try ConfigurationExampleTests.repositoryFile("config/config.example.toml")))
    }
}
