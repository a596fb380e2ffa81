import AgentTestSupport
import BusTestSupport
import Foundation
import MPRISTestSupport
import PunchPlaySandbox
import Testing

/// The agent killed with -9 in the middle of a real mpv playback, then started again: the service sees one
/// playback that goes on when the film still plays, or one that is stopped where it was last seen when the
/// player is gone; nothing lost, nothing doubled.
@Suite("punchplay-mpris killed and restarted", .serialized, .timeLimit(.minutes(3)))
struct RestartEndToEndTests {
    static let configuration = """
        [players.mpv]
        min_duration_seconds = 10
        progress_interval_seconds = 5
        """

    /// A real mpv playing a 120 s film on a private bus, a logged-in home and the sandbox, for `body`.
    static func withPlayingMPV(
        _ body: (PrivateBus, MPVPlayer, AgentHome, PunchPlaySandbox) async throws -> Void
    ) async throws {
        let media = try TemporaryDirectory()
        defer { media.remove() }
        let film = try await TestMedia.video(named: "Sintel.2010.720p.mkv", seconds: 120, title: "Sintel", in: media)
        try await PrivateBus.with { bus in
            try await PunchPlaySandbox.withRunning { sandbox in
                let home = try AgentHome(sandbox: sandbox, extraConfiguration: configuration)
                defer { home.remove() }
                _ = try await home.logIn()
                let mpv = try MPVPlayer(files: [film], busAddress: bus.address, directory: media)
                do {
                    try await body(bus, mpv, home, sandbox)
                } catch {
                    await mpv.stop()
                    throw error
                }
                await mpv.stop()
            }
        }
    }

    /// Runs the agent until the service has accepted a `progress` of the film, then kills it with SIGKILL.
    static func runAndKill(_ home: AgentHome, bus: PrivateBus, sandbox: PunchPlaySandbox) async throws {
        let agent = try AgentProcess.start(["run"], environment: home.environment(busAddress: bus.address), in: home)
        do {
            _ = try await sandbox.waitForRequests(
                pathPrefix: RunEndToEndTests.playback + "progress", count: 1, timeout: 30)
        } catch {
            _ = await agent.terminate(signal: SIGKILL)
            throw error
        }
        #expect(await agent.terminate(signal: SIGKILL) == 128 + SIGKILL)
    }

    /// Every accepted event, checked to be unique and applied (none ignored as late, stale or a second start).
    static func acceptedOnce(_ sandbox: PunchPlaySandbox) async -> [AcceptedEvent] {
        let accepted = await sandbox.acceptedEvents()
        #expect(Set(accepted.map(\.eventID)).count == accepted.count, "an event was accepted twice")
        #expect(accepted.allSatisfy { $0.ignoredReason == nil }, "ignored: \(accepted.compactMap(\.ignoredReason))")
        return accepted
    }

    @Test("the film still playing: the restarted agent continues the same session, no second start")
    func continuedAfterRestart() async throws {
        try await Self.withPlayingMPV { bus, mpv, home, sandbox in
            try await Self.runAndKill(home, bus: bus, sandbox: sandbox)
            let beforeRestart = await sandbox.acceptedEvents().count
            try await AgentProcess.with(
                ["run", "--debug"],
                environment: home.environment(busAddress: bus.address),
                in: home
            ) { agent in
                try await agent.waitForLine(containing: "continue: movie")
                _ = try await sandbox.waitForRequests(
                    pathPrefix: RunEndToEndTests.playback,
                    count: beforeRestart + 1,
                    timeout: 30
                )
                try await mpv.playerctl("pause")
                try await agent.waitForLine(containing: "decided org.mpris.MediaPlayer2.mpv: settled: Paused")
                #expect(await agent.terminate() == 0)
            }
            _ = try await sandbox.waitForRequests(pathPrefix: RunEndToEndTests.playback + "stop", count: 1, timeout: 5)
            let accepted = await Self.acceptedOnce(sandbox)
            #expect(Set(accepted.map(\.sessionID)).count == 1, "one playback, one session")
            let actions = accepted.map(\.action)
            #expect(actions.first == "start")
            #expect(actions.filter { $0 == "start" }.count == 1)
            #expect(actions.suffix(2) == ["pause", "stop"])
            #expect(Set(actions.dropFirst().dropLast(2)) == ["progress"])
            #expect(await sandbox.watchHistory().isEmpty)
        }
    }

    @Test("the player gone while the agent was down: the restarted agent stops the session where it was seen")
    func closedAfterRestart() async throws {
        try await Self.withPlayingMPV { bus, mpv, home, sandbox in
            try await Self.runAndKill(home, bus: bus, sandbox: sandbox)
            let sessionID = try #require(await sandbox.acceptedEvents().last?.sessionID)
            await mpv.stop()
            try await AgentProcess.with(
                ["run", "--debug"],
                environment: home.environment(busAddress: bus.address),
                in: home
            ) { agent in
                try await agent.waitForLine(containing: "left open by the last run: its item is not playing")
                _ = try await sandbox.waitForRequests(
                    pathPrefix: RunEndToEndTests.playback + "stop",
                    count: 1,
                    timeout: 30
                )
                #expect(await agent.terminate() == 0)
            }
            let accepted = await Self.acceptedOnce(sandbox)
            #expect(Set(accepted.map(\.sessionID)) == [sessionID])
            #expect(accepted.map(\.action).filter { $0 == "stop" }.count == 1)
            // The last event the first run queued may have been sent only after the restart.
            let stop = try #require(accepted.last)
            let lastSeen = try #require(accepted.dropLast().last)
            #expect(stop.action == "stop")
            #expect(stop.eventCreatedAt > lastSeen.eventCreatedAt)
            let position = try #require(Self.field("position_seconds", of: lastSeen.body))
            #expect(Self.field("position_seconds", of: stop.body) == position)
        }
    }

    /// An integer field of a JSON request body.
    static func field(_ name: String, of body: String) -> Int? {
        guard
            let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
            let value = object[name] as? Int
        else { return nil }
        return value
    }
}
