/// Why the core did (or did not) do something — "ignored: duration 95 s below 300 s", "settled: Paused" —
/// for the agent's debug log; decisions never leave the machine.
public struct Decision: Sendable, Hashable, CustomStringConvertible {
    /// The player the decision is about; nil for decisions about the whole agent.
    public var busName: String?
    public var message: String

    public init(busName: String?, _ message: String) {
        self.busName = busName
        self.message = message
    }

    public var description: String {
        guard let busName else { return message }
        return "\(busName): \(message)"
    }
}
