import MPRISTestSupport
import Testing

/// Sessions end when the player or the agent goes away: a player killed outright is stopped where it was, and
/// an agent asked to stop delivers the `stop` of what is playing before it exits.
@Suite("release binary: players and the agent going away", .serialized, .timeLimit(.minutes(3)))
struct PlayerLifecycleEndToEndTests {
    @Test("mpv killed with SIGKILL mid-film: its session is stopped, nothing is left open")
    func playerKilled() async throws {
        try await ReleaseScenario.run { scenario in
            let film = try await scenario.file(.bigBuckBunny, seconds: 30)
            try await scenario.withMPV(playing: [film]) { mpv in
                try await scenario.sandbox.waitForEvents(1, "start")
                try await mpv.waitUntilPosition(atLeast: .seconds(3))
                await mpv.stop()
                try await scenario.sandbox.waitForEvents(1, "stop")
            }
            let events = try await scenario.checkedHistory()
            #expect(PlaybackHistory.summary(events) == ["start S1 Big Buck Bunny", "stop S1 Big Buck Bunny"])
            let stop = try #require(events.last)
            // Whole seconds from the agent's estimate, which may trail the player's reading by a fraction.
            #expect((2...8).contains(stop.positionSeconds ?? -1), "stopped where it was killed: \(stop)")
            #expect(stop.watched == false)
            let printed = await scenario.agent.printed()
            #expect(printed.contains { $0.contains("vanished") }, "the agent saw the player vanish")
        }
    }

    @Test("SIGTERM while mpv plays: the stop reaches the service before the agent exits with status 0")
    func agentStoppedWithSIGTERM() async throws {
        try await ReleaseScenario.run(stopsAgent: true) { scenario in
            let film = try await scenario.file(.bigBuckBunny, seconds: 30)
            try await scenario.withMPV(playing: [film]) { mpv in
                try await scenario.sandbox.waitForEvents(1, "start")
                try await mpv.waitUntilPosition(atLeast: .seconds(2))
                #expect(await scenario.agent.terminate() == 0)
                #expect(try await mpv.position() >= .seconds(2), "mpv still plays")
            }
            let events = try await scenario.checkedHistory(stopMayBeResent: true)
            #expect(PlaybackHistory.summary(events) == ["start S1 Big Buck Bunny", "stop S1 Big Buck Bunny"])
            // Whole seconds from the agent's estimate, which may trail the player's reading by a fraction.
            #expect((1...8).contains(events.last?.positionSeconds ?? -1), "\(events)")
            let printed = await scenario.agent.printed().joined(separator: "\n")
            #expect(printed.contains("stop: agent shutting down"))
        }
    }
}
