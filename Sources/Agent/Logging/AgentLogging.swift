import Logging

/// Sets up logging for the process: works out the level from the configuration, `--debug` and
/// `PUNCHPLAY_MPRIS_DEBUG`, picks the journal or terminal format, and bootstraps swift-log once.
public enum AgentLogging {
    /// Setting this variable to `1` (or `true`, `yes`, `on`) turns on the debug log mode.
    public static let debugEnvironmentVariable = "PUNCHPLAY_MPRIS_DEBUG"

    /// The level to log at: the configured one, lowered to `debug` when the debug log mode is asked for by
    /// flag or environment (a configured `trace` stays `trace`).
    public static func level(
        configured: Logger.Level,
        debugFlag: Bool,
        environment: [String: String]
    ) -> Logger.Level {
        let debugRequested = debugFlag || isDebugRequested(environment[debugEnvironmentVariable])
        guard debugRequested else { return configured }
        return min(configured, .debug)
    }

    /// Bootstraps swift-log with `AgentLogHandler` writing to standard error. Call once per process, before
    /// the first `Logger` is created; keep the returned control to change the level on reload.
    public static func bootstrap(level: Logger.Level, environment: [String: String]) -> LogLevelControl {
        let control = LogLevelControl(level: level)
        let formatter = LogLineFormatter(format: LogFormat.detect(environment: environment))
        LoggingSystem.bootstrap(
            { label, provider in
                AgentLogHandler(
                    label: label,
                    formatter: formatter,
                    sink: StandardErrorSink(),
                    levelControl: control,
                    metadataProvider: provider
                )
            },
            metadataProvider: nil
        )
        return control
    }

    private static func isDebugRequested(_ value: String?) -> Bool {
        guard let value else { return false }
        return ["1", "true", "yes", "on"].contains(value.lowercased())
    }
}
