import Agent
import ArgumentParser
import Foundation

/// `punchplay-mpris resume`: ends private mode; what plays from now on is reported again (as new sessions).
struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Report to PunchPlay again after `pause`."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let resumed: Void?
        do {
            resumed = try await AgentBusClient.withRunningAgent { try await $0.resumeReporting() }
        } catch {
            PunchPlayCommandContext.fail("The agent did not resume: \(error)")
        }
        if resumed != nil {
            print("Reporting to PunchPlay again.")
            return
        }
        ReportingPauseFile(stateDirectory: XDGDirectories.current().agentStateDirectory).clear()
        print("No agent is running; reporting is on when it starts.")
    }
}
