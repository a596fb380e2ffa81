import BusTestSupport
import DBus

/// The object the DBus tests talk to: a second connection on the private bus owning `org.punchplay.Test`,
/// exporting `/org/punchplay/Test` with methods that echo, fail, never answer, and report that they started.
struct TestObject {
    static let busName = "org.punchplay.Test"
    static let path = "/org/punchplay/Test"
    static let interface = "org.punchplay.Test"

    let server: DBusConnection
    let client: DBusConnection
    /// Yields once each time `Hang` starts, so a test knows the call reached the server.
    let hangStarted: AsyncStream<Void>

    /// Starts both connections on `bus`, runs `body`, and closes them.
    static func with<Result>(
        on bus: PrivateBus,
        properties: [String: DBusValue] = [:],
        isolation: isolated (any Actor)? = #isolation,
        _ body: (TestObject) async throws -> Result
    ) async throws -> Result {
        let server = try await bus.connect()
        let client = try await bus.connect()
        let (hangStarted, hangContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .unbounded)
        let interface = DBusInterface(
            name: interface,
            methods: [
                "Echo": { call in call.arguments },
                "Fail": { call in
                    throw DBusError(
                        DBusErrorName(rawValue: call.arguments.first?.asString ?? "org.punchplay.Error.Bad"),
                        call.arguments.dropFirst().first?.asString ?? ""
                    )
                },
                "FailWithSwiftError": { _ in throw CancellationError() },
                "Hang": { _ in
                    hangContinuation.yield()
                    try await Task.sleep(for: .seconds(3600))
                    return []
                },
            ],
            properties: properties,
            writableProperties: ["Volume"],
            signals: ["Ping": ["i"]],
            methodArguments: ["Echo": DBusMethodArguments(inputs: [.init("text", "s")], outputs: [.init("same", "s")])]
        )
        do {
            try await server.export(path: path, interfaces: [interface])
            try await server.requestName(busName)
            let result = try await body(TestObject(server: server, client: client, hangStarted: hangStarted))
            await server.close()
            await client.close()
            return result
        } catch {
            await server.close()
            await client.close()
            throw error
        }
    }

    func call(_ member: String, _ arguments: [DBusValue] = [], timeout: Duration = .seconds(10)) async throws
        -> [DBusValue]
    {
        try await client.call(
            destination: Self.busName,
            path: Self.path,
            interface: Self.interface,
            member: member,
            arguments: arguments,
            timeout: timeout
        )
    }
}
