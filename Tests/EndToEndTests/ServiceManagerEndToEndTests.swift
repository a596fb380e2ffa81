import AgentTestSupport
import BusTestSupport
import Foundation
import MPRISTestSupport
import PunchPlaySandbox
import Testing

/// `punchplay-mpris run` under a service manager: the `sd_notify` messages the systemd user unit relies on
/// (`Type=notify`, `WatchdogSec=`, `ExecReload=` with SIGHUP).
@Suite("punchplay-mpris run under systemd", .serialized, .timeLimit(.minutes(1)))
struct ServiceManagerEndToEndTests {
    @Test("READY once watching, WATCHDOG pings, RELOADING then READY on SIGHUP, STOPPING on SIGTERM")
    func notifications() async throws {
        try await RunEndToEndTests.withPlayingFilm { bus, _, sandbox in
            let home = try AgentHome(sandbox: sandbox)
            defer { home.remove() }
            let socket = try NotifySocket(in: home.directory)
            defer { socket.close() }
            var environment = home.environment(busAddress: bus.address)
            environment["NOTIFY_SOCKET"] = socket.path
            environment["WATCHDOG_USEC"] = "400000"
            try await AgentProcess.with(["run", "--dry-run"], environment: environment, in: home) { agent in
                let ready = try await socket.messages.next { $0.hasPrefix("READY=1") }.match
                #expect(ready.contains("STATUS=watching media players"))
                _ = try await socket.messages.next { $0 == "WATCHDOG=1" }
                agent.process.send(SIGHUP)
                let reloading = try await socket.messages.next { $0.hasPrefix("RELOADING=1") }.match
                #expect(reloading.contains("MONOTONIC_USEC="))
                _ = try await socket.messages.next { $0 == "READY=1" }
                #expect(await agent.terminate() == 0)
                _ = try await socket.messages.next { $0 == "STOPPING=1" }
            }
        }
    }
}
