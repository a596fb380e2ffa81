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
        if let agent = await AgentBusClient.connectIfRunning() {
            do {
                try await agent.resumeReporting()
            } catch {
                await agent.close()
                PunchPlayCommandContext.fail("The agent did not resume: \(error)")
            }
            await agent.close()
            print("Reporting to PunchPlay again.")
            return
        }
        ReportingPauseFile(stateDirectory: XDGDirectories.current().agentStateDirectory).clear()
        print("No agent is running; reporting is on when it starts.")
    }
}
