import Agent
import ArgumentParser
import Foundation

/// `punchplay-mpris players`: shows the media players the agent can see, the first tool to reach for when a
/// player is not being tracked.
struct PlayersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "players",
        abstract: "Lists the MPRIS media players on the session bus and what they are playing.",
        discussion: """
            Shows each player's name (the one to use in configuration), identity, status, title, URL, length \
            and position. With --watch, keeps running and prints every change as the agent observes it.
            """
    )

    @Flag(help: "Print one JSON object per line.")
    var json = false

    @Flag(help: "Keep running and print every observation (appeared, changed, seeked, vanished) as it happens.")
    var watch = false

    func run() async throws {
        let report = PlayersReport(json: json) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        let connection = try await PlayersReport.sessionBus()
        if watch {
            try await report.watch(on: connection)
        } else {
            try await report.list(on: connection)
        }
        await connection.close()
    }
}
