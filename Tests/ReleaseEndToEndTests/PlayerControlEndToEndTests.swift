import MPRISTestSupport
import Testing

/// What a person does to a playing mpv through its MPRIS interface (playerctl) arrives at the service as the
/// matching events of one session, at the positions the player was at.
@Suite("release binary: controlling a real mpv", .serialized, .timeLimit(.minutes(3)))
struct PlayerControlEndToEndTests {
    @Test("pause and resume give start, pause, resume and stop of one session, resuming where it paused")
    func pauseAndResume() async throws {
        try await ReleaseScenario.run { scenario in
            let film = try await scenario.file(.bigBuckBunny, seconds: 30)
            try await scenario.withMPV(playing: [film]) { mpv in
                try await scenario.sandbox.waitForEvents(1, "start")
                try await mpv.waitUntilPosition(atLeast: .seconds(2))
                try await scenario.pauseResumeAndStop(mpv)
            }
            let events = try await scenario.checkedHistory()
            #expect(PlaybackHistory.summary(events) == PlaybackHistory.pausedAndResumed("Big Buck Bunny"))
            let positions = events.map { $0.positionSeconds ?? -1 }
            guard positions.count == 4 else { return }
            // Whole seconds from the agent's estimate, which may trail the player's reading by a fraction.
            #expect((1...6).contains(positions[1]), "paused after 2 s of play: \(positions)")
            #expect(positions[2] == positions[1], "resumed where paused: \(positions)")
            #expect(positions[3] >= positions[2], "\(positions)")
        }
    }

    @Test("seeks forward and back are reported as progress at the new positions, all in one session")
    func seeksBothWays() async throws {
        try await ReleaseScenario.run { scenario in
            let film = try await scenario.file(.bigBuckBunny, seconds: 60)
            try await scenario.withMPV(playing: [film]) { mpv in
                try await scenario.sandbox.waitForEvents(1, "start")
                try await mpv.playerctl("position", "40")
                try await scenario.sandbox.waitForEvents(1, "progress")
                try await mpv.playerctl("position", "10")
                try await scenario.sandbox.waitForEvents(2, "progress")
                try await mpv.playerctl("stop")
                try await scenario.sandbox.waitForEvents(1, "stop")
            }
            let events = try await scenario.checkedHistory()
            #expect(
                PlaybackHistory.summary(events) == [
                    "start S1 Big Buck Bunny", "progress S1 Big Buck Bunny", "progress S1 Big Buck Bunny",
                    "stop S1 Big Buck Bunny",
                ]
            )
            let positions = events.map { $0.positionSeconds ?? -1 }
            guard positions.count == 4 else { return }
            #expect((0...5).contains(positions[0]), "start near the beginning: \(positions)")
            #expect((40...43).contains(positions[1]), "forward to 40 s: \(positions)")
            #expect((10...13).contains(positions[2]), "back to 10 s: \(positions)")
            #expect((10...20).contains(positions[3]), "stopped after the backward seek: \(positions)")
            #expect(events.last?.watched == false)
        }
    }
}
