import DBus
import Foundation

/// `tv.punchplay.Mpris1` on the bus: the properties of `AgentStatus` and the methods that steer the agent, each
/// refused with `AccessDenied` unless the caller runs as the agent's own user (asked of the bus, which verified
/// it when the caller connected).
struct AgentControlInterface {
    let control: AgentControl
    let connection: DBusConnection
    /// The agent's own user id.
    let ownUser: UInt32

    /// The method names, as introspection lists them.
    enum Method {
        static let pauseReporting = "PauseReporting"
        static let resumeReporting = "ResumeReporting"
        static let retryDeadLetters = "RetryDeadLetters"
        static let purgeQueue = "PurgeQueue"
        static let reload = "Reload"
        static let loggedIn = "LoggedIn"
        static let loggedOut = "LoggedOut"
    }

    /// Exports the object with the current status as its properties.
    func export() async throws {
        let interface = DBusInterface(
            name: AgentBus.interface,
            methods: [
                Method.pauseReporting: guarded { call in
                    guard call.arguments.count == 1, let seconds = call.arguments[0].unsignedSeconds else {
                        throw DBusError(
                            .invalidArgs, "PauseReporting takes the seconds to pause (t); 0 means until resumed")
                    }
                    try await control.pauseReporting(seconds: seconds)
                    return []
                },
                Method.resumeReporting: guarded { _ in
                    await control.resumeReporting()
                    return []
                },
                Method.retryDeadLetters: guarded { call in
                    guard call.arguments.count == 1, let eventIDs = call.arguments[0].asStringList else {
                        throw DBusError(
                            .invalidArgs, "RetryDeadLetters takes the event ids to retry (as); none means all")
                    }
                    let moved = try await control.retryDeadLetters(eventIDs: eventIDs.isEmpty ? nil : eventIDs)
                    return [.uint32(UInt32(clamping: moved))]
                },
                Method.purgeQueue: guarded { call in
                    guard call.arguments.count == 1, case .boolean(let deadLettersOnly) = call.arguments[0] else {
                        throw DBusError(.invalidArgs, "PurgeQueue takes whether to delete only the dead letters (b)")
                    }
                    let deleted = try await control.purgeQueue(deadLettersOnly: deadLettersOnly)
                    return [.uint32(UInt32(clamping: deleted.events)), .uint32(UInt32(clamping: deleted.deadLetters))]
                },
                Method.reload: guarded { _ in
                    try await control.reload()
                    return []
                },
                Method.loggedIn: guarded { _ in
                    try await control.loggedIn()
                    return []
                },
                Method.loggedOut: guarded { _ in
                    try await control.loggedOut()
                    return []
                },
            ],
            properties: await control.initialProperties,
            methodArguments: [
                Method.pauseReporting: DBusMethodArguments(inputs: [DBusArgument("seconds", "t")]),
                Method.retryDeadLetters: DBusMethodArguments(
                    inputs: [DBusArgument("event_ids", "as")],
                    outputs: [DBusArgument("retried", "u")]
                ),
                Method.purgeQueue: DBusMethodArguments(
                    inputs: [DBusArgument("dead_letters_only", "b")],
                    outputs: [DBusArgument("events", "u"), DBusArgument("dead_letters", "u")]
                ),
            ]
        )
        try await connection.export(path: AgentBus.objectPath, interfaces: [interface])
    }

    /// Runs `handler` only for callers of the agent's own user.
    private func guarded(_ handler: @escaping DBusMethodHandler) -> DBusMethodHandler {
        { [connection, ownUser] call in
            let caller: UInt32
            do {
                caller = try await connection.unixUser(of: call.sender)
            } catch {
                throw DBusError(.accessDenied, "cannot tell which user is calling: \(error)")
            }
            guard caller == ownUser else {
                throw DBusError(.accessDenied, "only user \(ownUser) may call \(call.member) on the agent")
            }
            return try await handler(call)
        }
    }
}

extension DBusValue {
    /// A non-negative whole number of seconds sent as any integer type.
    fileprivate var unsignedSeconds: UInt64? {
        switch self {
        case .uint64(let value): value
        default: asInt64.flatMap { $0 >= 0 ? UInt64($0) : nil }
        }
    }
}
