import Agent
import ArgumentParser
import Foundation

/// `punchplay-mpris run` (and the bare command): the agent itself, normally started by the systemd user
/// unit or the XDG autostart entry.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Watches your media players and reports what you watch to PunchPlay (the default command).",
        discussion: """
            Runs until SIGTERM or SIGINT (open sessions are stopped and sent first); SIGHUP reloads the \
            configuration. With --dry-run nothing is sent: each event is printed as one JSON line.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Send nothing; print each event that would be sent as a JSON line on standard output.")
    var dryRun = false

    func run() async throws {
        let loader = global.configurationLoader
        let configuration: AgentConfiguration
        do {
            configuration = try loader.load()
        } catch {
            _ = global.bootstrapLogging(configured: nil)
            PunchPlayCommandContext.fail(error.description)
        }
        let control = global.bootstrapLogging(configured: configuration)
        let debugFlag = global.debug
        let runtime = AgentRuntime(
            loader: loader,
            configuration: configuration,
            options: AgentRunOptions(dryRun: dryRun),
            applyLogLevel: { reloaded in
                control.setLevel(
                    AgentLogging.level(
                        configured: reloaded.log.level,
                        debugFlag: debugFlag,
                        environment: ProcessInfo.processInfo.environment
                    )
                )
            }
        )
        do {
            try await runtime.run()
        } catch let error as RuntimeError {
            PunchPlayCommandContext.fail(error.description)
        }
    }
}
