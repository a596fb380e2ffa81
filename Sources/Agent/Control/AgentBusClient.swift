import DBus
import Foundation

/// How the commands reach a running agent: the session bus, `tv.punchplay.Mpris`, its properties and methods.
/// `connectIfRunning()` answers nil when no agent runs (or there is no session bus), so a command can fall back
/// to doing the work itself.
public struct AgentBusClient: Sendable {
    let connection: DBusConnection
    /// How long a call may take; the agent answers at once, but a loaded machine should not fail a command.
    static let timeout: Duration = .seconds(10)

    /// The running agent, or nil when none owns the name or the bus cannot be reached.
    /// - Parameter address: the bus to look on; the session bus when nil.
    public static func connectIfRunning(address: String? = nil) async -> AgentBusClient? {
        let bus: DBusConnection?
        if let address {
            bus = try? await DBusConnection.connect(address: address)
        } else {
            bus = try? await DBusConnection.session()
        }
        guard let connection = bus else { return nil }
        guard (try? await connection.nameOwner(of: AgentBus.name)) != nil else {
            await connection.close()
            return nil
        }
        return AgentBusClient(connection: connection)
    }

    /// Runs `body` with the running agent and closes the connection afterwards, whatever `body` does; nil when
    /// no agent runs.
    public static func withRunningAgent<Value>(
        address: String? = nil,
        _ body: (AgentBusClient) async throws -> Value
    ) async throws -> Value? {
        guard let agent = await connectIfRunning(address: address) else { return nil }
        do {
            let value = try await body(agent)
            await agent.close()
            return value
        } catch {
            await agent.close()
            throw error
        }
    }

    /// Closes the connection.
    public func close() async {
        await connection.close()
    }

    /// What the agent sees now.
    public func status() async throws -> AgentStatus {
        let properties = try await withAgentStarting {
            try await connection.getAllProperties(
                destination: AgentBus.name,
                path: AgentBus.objectPath,
                interface: AgentBus.interface,
                timeout: Self.timeout
            )
        }
        return try AgentStatus(busProperties: properties)
    }

    /// Private mode for `seconds` (0: until resumed).
    public func pauseReporting(seconds: UInt64) async throws {
        _ = try await call(AgentControlInterface.Method.pauseReporting, [.uint64(seconds)])
    }

    public func resumeReporting() async throws {
        _ = try await call(AgentControlInterface.Method.resumeReporting)
    }

    /// Returns how many dead letters went back into the queue; no `eventIDs` means all of them.
    public func retryDeadLetters(eventIDs: [String] = []) async throws -> Int {
        let reply = try await call(AgentControlInterface.Method.retryDeadLetters, [.stringArray(eventIDs)])
        return Int(reply.first?.asInt64 ?? 0)
    }

    /// Returns how many pending events and dead letters were deleted.
    public func purgeQueue(deadLettersOnly: Bool) async throws -> (events: Int, deadLetters: Int) {
        let reply = try await call(AgentControlInterface.Method.purgeQueue, [.boolean(deadLettersOnly)])
        return (Int(reply.first?.asInt64 ?? 0), Int(reply.dropFirst().first?.asInt64 ?? 0))
    }

    public func reload() async throws {
        _ = try await call(AgentControlInterface.Method.reload)
    }

    /// Tells the agent the credential store holds a new login.
    public func loggedIn() async throws {
        _ = try await call(AgentControlInterface.Method.loggedIn)
    }

    /// Tells the agent the user is logging out.
    public func loggedOut() async throws {
        _ = try await call(AgentControlInterface.Method.loggedOut)
    }

    private func call(_ member: String, _ arguments: [DBusValue] = []) async throws -> [DBusValue] {
        try await withAgentStarting {
            try await connection.call(
                destination: AgentBus.name,
                path: AgentBus.objectPath,
                interface: AgentBus.interface,
                member: member,
                arguments: arguments,
                timeout: Self.timeout
            )
        }
    }

    /// Runs `body`, trying again for up to two seconds while the agent has its name but not yet its object (it
    /// takes the name first thing at start-up).
    private func withAgentStarting<Value>(_ body: () async throws -> Value) async throws -> Value {
        var attempts = 0
        while true {
            do {
                return try await body()
            } catch let error as DBusError where error.name == .unknownObject && attempts < 20 {
                attempts += 1
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }
}
