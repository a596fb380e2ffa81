import Agent
import ArgumentParser
import Foundation

/// Options every command shares (`@OptionGroup var global: GlobalOptions`): which configuration file to read
/// and whether to turn on the debug log mode.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read this configuration file instead of ~/.config/punchplay-mpris/config.toml.",
            discussion: "Also settable with PUNCHPLAY_MPRIS_CONFIG; players.d/ is read from beside the file.",
            valueName: "file"
        ),
        completion: .file(extensions: ["toml"])
    )
    var config: String?

    @Flag(
        name: .long,
        help: "Debug log mode: log every observation, decision and HTTP exchange (also PUNCHPLAY_MPRIS_DEBUG=1)."
    )
    var debug = false

    /// The loader for the chosen configuration file.
    var configurationLoader: ConfigurationLoader {
        ConfigurationLoader.standard(commandLineFile: config)
    }

    /// Bootstraps logging at the level the configuration and `--debug` ask for; call once, first thing in
    /// `run()` (with `nil` when the configuration could not be loaded). Keep the control for reloads.
    func bootstrapLogging(configured: AgentConfiguration?) -> LogLevelControl {
        let environment = ProcessInfo.processInfo.environment
        let level = AgentLogging.level(
            configured: configured?.log.level ?? .info,
            debugFlag: debug,
            environment: environment
        )
        return AgentLogging.bootstrap(level: level, environment: environment)
    }

    /// After a reload: sets every logger to the new configuration's level, `--debug` still applying.
    func applyLogLevel(of configuration: AgentConfiguration, to control: LogLevelControl) {
        control.setLevel(
            AgentLogging.level(
                configured: configuration.log.level,
                debugFlag: debug,
                environment: ProcessInfo.processInfo.environment
            )
        )
    }
}
