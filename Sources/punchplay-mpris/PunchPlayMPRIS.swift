import Agent
import ArgumentParser

/// The `punchplay-mpris` command: the agent and the tools around it.
@main
struct PunchPlayMPRIS: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "punchplay-mpris",
        abstract: "Reports what your media players play to PunchPlay.",
        version: AgentVersion.current,
        subcommands: [
            RunCommand.self,
            IdentifyCommand.self,
            ConfigCommand.self,
            LoginCommand.self,
            LogoutCommand.self,
            QueueCommand.self,
            StatusCommand.self,
            PlayersCommand.self,
            DoctorCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )
}
