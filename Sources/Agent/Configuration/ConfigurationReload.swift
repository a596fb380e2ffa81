/// The outcome of re-reading the configuration (on SIGHUP): either the new configuration, or the problems
/// and the previous configuration, which keeps running.
public enum ConfigurationReload: Sendable, Equatable {
    case applied(AgentConfiguration)
    case rejected(ConfigurationError, keeping: AgentConfiguration)

    /// The configuration to run with after the reload.
    public var configuration: AgentConfiguration {
        switch self {
        case .applied(let configuration): configuration
        case .rejected(_, let previous): previous
        }
    }
}
