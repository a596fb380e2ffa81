import DBus

/// Tells the agent when the machine is about to sleep and when it woke, from logind's `PrepareForSleep`
/// on the system bus, so open sessions can be paused or stopped before a laptop lid closes.
public struct SleepWatcher: Sendable {
    /// A change of the machine's sleep state.
    public enum Transition: Sendable, Hashable {
        case goingToSleep
        case wokeUp
    }

    /// The rule for logind's signal; public so tests can emit a matching signal on a private bus.
    public static let rule = MatchRule(
        interface: "org.freedesktop.login1.Manager", member: "PrepareForSleep", path: "/org/freedesktop/login1")

    private let connection: DBusConnection

    /// - Parameter connection: the system bus in the agent; a private bus in tests.
    public init(connection: DBusConnection) {
        self.connection = connection
    }

    /// The transitions as they happen. Signals whose argument is not a boolean are skipped.
    public func transitions() async throws -> AsyncStream<Transition> {
        let signals = try await connection.signals(matching: Self.rule)
        return AsyncStream { continuation in
            let task = Task {
                for await signal in signals {
                    guard let going = signal.arguments.first?.asBool else { continue }
                    continuation.yield(going ? .goingToSleep : .wokeUp)
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
