import BusTestSupport
import DBus
import Testing

@Suite("Calls that never get an answer end with an error")
struct CallLifetimeTests {
    @Test func aCallTimesOutWhenTheHandlerNeverAnswers() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let error = try await #require(throws: DBusError.self) {
                    try await object.call("Hang", timeout: .milliseconds(200))
                }
                #expect(error.name == .timeout)
            }
        }
    }

    @Test func aPeerVanishingMidCallIsNoReply() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let reply = Task { try await object.call("Hang", timeout: .seconds(60)) }
                var started = object.hangStarted.makeAsyncIterator()
                _ = await started.next()
                await object.server.close()
                let error = await #expect(throws: DBusError.self) { try await reply.value }
                #expect(error?.name == .noReply)
            }
        }
    }

    @Test func cancellingTheCallerEndsTheCall() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let call = Task { try await object.call("Hang", timeout: .seconds(60)) }
                var started = object.hangStarted.makeAsyncIterator()
                _ = await started.next()
                call.cancel()
                await #expect(throws: CancellationError.self) { try await call.value }
            }
        }
    }

    @Test func losingTheBusFailsPendingCallsAsDisconnected() async throws {
        let bus = try await PrivateBus.start()
        let connection = try await bus.connect()
        let call = Task {
            try await connection.call(
                destination: "org.freedesktop.DBus",
                path: "/org/freedesktop/DBus",
                interface: "org.freedesktop.DBus",
                member: "ListNames"
            )
        }
        try await bus.stop()
        let later = try await #require(throws: DBusError.self) {
            _ = try? await call.value
            return try await connection.listNames()
        }
        #expect(later.name == .disconnected)
        #expect(await connection.isConnected == false)
        await connection.close()
    }

    @Test func aClosedConnectionRefusesCalls() async throws {
        try await PrivateBus.with { bus in
            let connection = try await bus.connect()
            await connection.close()
            let error = try await #require(throws: DBusError.self) { try await connection.listNames() }
            #expect(error.name == .disconnected)
        }
    }
}
