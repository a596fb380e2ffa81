import Foundation

/// What `punchplay-mpris run` was asked to do, from its flags and the environment.
public struct AgentRunOptions: Sendable {
    /// Send nothing: print each event as a JSON line and keep the outbox in a temporary file.
    public var dryRun: Bool
    public var environment: [String: String]
    /// How long the `stop`s of a shutdown may take to be delivered before the agent exits anyway.
    public var shutdownBudget: Duration

    public init(
        dryRun: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        shutdownBudget: Duration = .seconds(2)
    ) {
        self.dryRun = dryRun
        self.environment = environment
        self.shutdownBudget = shutdownBudget
    }
}
