import Foundation

/// What `punchplay-mpris run` was asked to do, from its flags and the environment.
public struct AgentRunOptions: Sendable {
    /// Send nothing: print each event as a JSON line and keep the outbox in a temporary file.
    public var dryRun: Bool
    public var environment: [String: String]
    /// How long the `stop`s of a shutdown may take to be delivered before the agent exits anyway.
    public var shutdownBudget: Duration
    /// How long after start-up, and after each change of what is playing, the agent hands the memory only that
    /// burst of work used back to the kernel: long enough for the burst (the first token refresh, a backlog's
    /// first sends, a session's identification and `start`), short enough that a user looking at the agent soon
    /// sees what it costs from then on.
    public var memoryTrimDelay: Duration

    public init(
        dryRun: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        shutdownBudget: Duration = .seconds(2),
        memoryTrimDelay: Duration = .seconds(10)
    ) {
        self.dryRun = dryRun
        self.environment = environment
        self.shutdownBudget = shutdownBudget
        self.memoryTrimDelay = memoryTrimDelay
    }
}
