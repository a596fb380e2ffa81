import Agent
import ArgumentParser
import Foundation

/// `punchplay-mpris doctor`: checks everything the agent needs and says how to fix what is missing.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the session bus, players, configuration, login, connection and outbox.",
        discussion: "Exits with status 1 when a check failed; each failed check says how to fix it."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        _ = global.bootstrapLogging(configured: nil)
        let checks = await Doctor(loader: global.configurationLoader).run { check in
            FileHandle.standardOutput.write(Data((check.text + "\n").utf8))
        }
        if checks.contains(where: \.isFailure) {
            throw ExitCode.failure
        }
    }
}
