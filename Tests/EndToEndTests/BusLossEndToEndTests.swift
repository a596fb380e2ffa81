import AgentTestSupport
import BusTestSupport
import Foundation
import MPRISTestSupport
import PunchPlaySandbox
import TestSupport
import Testing

/// The session bus going away under the agent (the desktop session ends, or dbus-daemon dies): what is
/// playing is stopped at the service and the agent exits instead of lingering without a bus.
@Suite("punchplay-mpris run losing its session bus", .serialized, .timeLimit(.minutes(2)))
struct BusLossEndToEndTests {
    @Test("dbus-daemon killed mid-film: the stop reaches the service, the agent says why and exits")
    func busKilled() async throws {
        try await RunEndToEndTests.withAgentBesidePlayingFilm { bus, sandbox, agent in
            _ = try await sandbox.waitForRequests(pathPrefix: RunEndToEndTests.playback, count: 1, timeout: 20)
            kill(bus.processID, SIGKILL)
            let status = try await withTimeout(.seconds(20)) { await agent.process.exited() }
            #expect(status == 0, "a session that ended is not a failure for systemd to restart")
            #expect(try await RunEndToEndTests.actionsUntilStop(at: sandbox) == ["start", "stop"])
            let printed = await agent.printed().joined(separator: "\n")
            #expect(printed.contains("the session bus went away"))
            #expect(printed.contains("stopped"))
        }
    }
}
