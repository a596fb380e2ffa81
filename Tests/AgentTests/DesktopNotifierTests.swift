import Agent
import BusTestSupport
import DBus
import Testing

@Suite("Desktop notifications")
struct DesktopNotifierTests {
    /// Serves `org.freedesktop.Notifications` and reports every `Notify` call's arguments.
    private static func serveNotifications(on connection: DBusConnection) async throws -> AsyncStream<[DBusValue]> {
        let (calls, continuation) = AsyncStream<[DBusValue]>.makeStream()
        let counter = NotificationCounter()
        try await connection.export(
            path: "/org/freedesktop/Notifications",
            interfaces: [
                DBusInterface(
                    name: "org.freedesktop.Notifications",
                    methods: [
                        "Notify": { call in
                            continuation.yield(call.arguments)
                            return [.uint32(await counter.next())]
                        }
                    ])
            ])
        try await connection.requestName("org.freedesktop.Notifications")
        return calls
    }

    @Test("a notification carries summary and body, and the next one replaces it")
    func showAndReplace() async throws {
        try await PrivateBus.with { bus in
            try await bus.withConnection { daemon in
                var calls = try await Self.serveNotifications(on: daemon).makeAsyncIterator()
                try await bus.withConnection { agent in
                    let notifier = DesktopNotifier(connection: agent)
                    #expect(await notifier.show(summary: "Log in to PunchPlay", body: "Code ABCD-EFGH") == nil)
                    let first = try #require(await calls.next())
                    #expect(first[0] == .string("PunchPlay"))
                    #expect(first[1] == .uint32(0))
                    #expect(first[3] == .string("Log in to PunchPlay"))
                    #expect(first[4] == .string("Code ABCD-EFGH"))

                    #expect(await notifier.show(summary: "Logged in", body: "as ada", urgency: .low) == nil)
                    let second = try #require(await calls.next())
                    #expect(second[1] == .uint32(1), "replaces the bubble the daemon numbered 1")
                }
            }
        }
    }

    @Test("without a notification daemon the failure is returned, not thrown")
    func noDaemon() async throws {
        try await PrivateBus.with { bus in
            try await bus.withConnection { agent in
                let failure = await DesktopNotifier(connection: agent).show(summary: "Hello", body: "")
                #expect(failure?.name == .serviceUnknown)
            }
        }
    }
}

/// Numbers notifications as a daemon does, from 1.
private actor NotificationCounter {
    private var last: UInt32 = 0
    func next() -> UInt32 {
        last += 1
        return last
    }
}
