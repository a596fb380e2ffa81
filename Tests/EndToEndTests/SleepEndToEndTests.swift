import AgentTestSupport
import BusTestSupport
import DBus
import Foundation
import MPRISTestSupport
import PunchPlaySandbox
import Testing

/// Sleep and wake as logind announces them on the system bus (here a second private bus).
@Suite("punchplay-mpris run across sleep", .serialized, .timeLimit(.minutes(1)))
struct SleepEndToEndTests {
    @Test("going to sleep stops the session; waking with the film still playing starts a new one")
    func sleepAndWake() async throws {
        try await RunEndToEndTests.withPlayingFilm { bus, _, sandbox in
            try await PrivateBus.with { systemBus in
                try await systemBus.withConnection { logind in
                    let home = try AgentHome(sandbox: sandbox)
                    defer { home.remove() }
                    _ = try await home.logIn()
                    var environment = home.environment(busAddress: bus.address)
                    environment["DBUS_SYSTEM_BUS_ADDRESS"] = systemBus.address
                    try await AgentProcess.with(["run", "--debug"], environment: environment, in: home) { agent in
                        let playback = RunEndToEndTests.playback
                        try await agent.waitForLine(containing: "following sleep and wake through logind")
                        _ = try await sandbox.waitForRequests(pathPrefix: playback, count: 1, timeout: 20)
                        try await Self.prepareForSleep(true, from: logind)
                        let slept = try await sandbox.waitForRequests(pathPrefix: playback, count: 2, timeout: 20)
                        #expect(RunEndToEndTests.actions(slept) == ["start", "stop"])
                        try await Self.prepareForSleep(false, from: logind)
                        let woke = try await sandbox.waitForRequests(pathPrefix: playback, count: 3, timeout: 20)
                        #expect(RunEndToEndTests.actions(woke) == ["start", "stop", "start"])
                        #expect(await agent.terminate() == 0)
                        let events = await sandbox.acceptedEvents()
                        #expect(Set(events.map(\.sessionID)).count == 2)
                    }
                }
            }
        }
    }

    static func prepareForSleep(_ going: Bool, from logind: DBusConnection) async throws {
        try await logind.emitSignal(
            path: "/org/freedesktop/login1",
            interface: "org.freedesktop.login1.Manager",
            member: "PrepareForSleep",
            arguments: [.boolean(going)]
        )
    }
}
