import Foundation
import MPRISTestSupport
import Testing

/// The agent killed with SIGKILL in the middle of a film, then started again: the service sees one playback
/// that goes on when the film still plays, or one stopped where it was last seen when the player is gone;
/// nothing lost, nothing doubled.
@Suite("release binary: the agent killed with -9 and started again", .serialized, .timeLimit(.minutes(3)))
struct AgentRestartEndToEndTests {
    /// A `progress` every 5 s (the shortest allowed), so the first run leaves a known position behind.
    static let configuration = """
        [players.mpv]
        progress_interval_seconds = 5
        """

    @Test("the film still playing: the restarted agent continues the same session, no second start")
    func continuedAfterRestart() async throws {
        try await ReleaseScenario.run(stopsAgent: true, configuration: Self.configuration) { scenario in
            let film = try await scenario.file(.sintel, seconds: 120)
            try await scenario.withMPV(playing: [film]) { mpv in
                try await scenario.sandbox.waitForEvents(1, "progress")
                #expect(await scenario.agent.terminate(signal: SIGKILL) == 128 + SIGKILL)
                try await scenario.withRestartedAgent { agent in
                    try await agent.waitForLine(containing: "continue: movie \"Sintel\", left open by the last run")
                    try await scenario.sandbox.waitForEvents(2, "progress")
                    try await mpv.playerctl("pause")
                    try await scenario.sandbox.waitForEvents(1, "pause")
                    #expect(await agent.terminate() == 0)
                }
            }
            let events = try await scenario.checkedHistory(resending: .afterCrash)
            let summary = PlaybackHistory.summary(events)
            #expect(summary.first == "start S1 Sintel")
            #expect(summary.suffix(2) == ["pause S1 Sintel", "stop S1 Sintel"])
            #expect(Set(summary.dropFirst().dropLast(2)) == ["progress S1 Sintel"], "\(summary)")
            #expect(await scenario.sandbox.watchHistory().isEmpty)
        }
    }

    @Test("the player gone while the agent was down: the restarted agent stops the session where it was seen")
    func closedAfterRestart() async throws {
        try await ReleaseScenario.run(stopsAgent: true, configuration: Self.configuration) { scenario in
            let film = try await scenario.file(.sintel, seconds: 120)
            try await scenario.withMPV(playing: [film]) { mpv in
                try await scenario.sandbox.waitForEvents(1, "progress")
                #expect(await scenario.agent.terminate(signal: SIGKILL) == 128 + SIGKILL)
                await mpv.stop()
            }
            try await scenario.withRestartedAgent { agent in
                try await agent.waitForLine(containing: "left open by the last run: its item is not playing")
                try await scenario.sandbox.waitForEvents(1, "stop")
                #expect(await agent.terminate() == 0)
            }
            let events = try await scenario.checkedHistory(resending: .afterCrash)
            #expect(PlaybackHistory.summary(events) == ["start S1 Sintel", "progress S1 Sintel", "stop S1 Sintel"])
            // Stopped at the last position the first run queued, stamped after it.
            #expect(events[2].positionSeconds == events[1].positionSeconds)
            #expect(events[2].createdAt > events[1].createdAt)
            #expect(events[2].watched == false)
        }
    }
}
