import Agent
import BusTestSupport
import DBus
import Testing

@Suite("Sleep and wake from logind")
struct SleepWatcherTests {
    @Test("PrepareForSleep(true/false) become going-to-sleep and woke-up; nonsense is skipped")
    func transitions() async throws {
        try await PrivateBus.with { bus in
            try await bus.withConnection { logind in
                try await bus.withConnection { agent in
                    var transitions = try await SleepWatcher(connection: agent).transitions().makeAsyncIterator()
                    for argument: DBusValue in [.boolean(true), .string("nonsense"), .boolean(false)] {
                        try await logind.emitSignal(
                            path: "/org/freedesktop/login1", interface: "org.freedesktop.login1.Manager",
                            member: "PrepareForSleep", arguments: [argument])
                    }
                    #expect(await transitions.next() == .goingToSleep)
                    #expect(await transitions.next() == .wokeUp)
                }
            }
        }
    }
}
