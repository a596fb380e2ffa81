import Agent
import ArgumentParser
import Foundation

/// `punchplay-mpris pause [--for DURATION]`: private mode. The running agent stops its open sessions and
/// reports nothing until `resume` or the end of `--for`; with no agent running, the pause is saved and takes
/// effect when the agent starts.
struct PauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Stop reporting to PunchPlay until `resume` (or for a while, with --for).",
        discussion: "Open sessions end at once; nothing you watch meanwhile is reported. The pause survives a "
            + "restart of the agent until it ends."
    )

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .customLong("for"),
        help: ArgumentHelp("Resume by itself after this long: 90s, 45m, 2h, 1h30m, 1d.", valueName: "duration")
    )
    var duration: PauseDuration?

    func run() async throws {
        let seconds = duration?.seconds ?? 0
        let end =
            seconds == 0
            ? "until `punchplay-mpris resume`"
            : "until \(Date().addingTimeInterval(TimeInterval(seconds)).formatted(date: .abbreviated, time: .shortened))"
        let paused: Void?
        do {
            paused = try await AgentBusClient.withRunningAgent { try await $0.pauseReporting(seconds: seconds) }
        } catch {
            PunchPlayCommandContext.fail("The agent did not pause: \(error)")
        }
        if paused != nil {
            print("Reporting paused \(end). Open sessions were stopped.")
            return
        }
        let file = ReportingPauseFile(stateDirectory: XDGDirectories.current().agentStateDirectory)
        let until = seconds == 0 ? nil : Date().addingTimeInterval(TimeInterval(seconds))
        do {
            try file.save(ReportingPauseFile.Pause(until: until))
        } catch {
            PunchPlayCommandContext.fail("Could not save the pause in \(file.path): \(error)")
        }
        print("No agent is running; reporting stays paused \(end) once it starts.")
    }
}
