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
    /// `run()`. Keep the control to change the level when the configuration is reloaded.
    func bootstrapLogging(configured: AgentConfiguration?) -> LogLevelControl {
        let environment = ProcessInfo.processInfo.environment
        let level = AgentLogging.level(
            configured: configured?.log.level ?? .info,
            debugFlag: debug,
            environment: environment
        )
        return AgentLogging.bootstrap(level: level, environment: environment)
    }
}
