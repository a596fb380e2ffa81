import MPRISTestSupport
import Testing

/// Real VLC (as `nobody`), the noisy player, alone and next to mpv: its transient `Stopped` between tracks is
/// not a second stop, and two players at once are two independent sessions.
@Suite("release binary: a real VLC", .serialized, .timeLimit(.minutes(3)))
struct VLCEndToEndTests {
    @Test("next across VLC's transient Stopped gives exactly one stop and one start")
    func playlistNextInVLC() async throws {
        try await ReleaseScenario.run(allowingAnyUser: true) { scenario in
            let first = try await scenario.file(.sintel, seconds: 30)
            let second = try await scenario.file(.elephantsDream, seconds: 30)
            try await scenario.withVLC(playing: [first, second]) { vlc in
                try await scenario.sandbox.waitForEvents(1, "start")
                // Before VLC has played on for a moment, Next skips the transient Stopped this test is about.
                try await vlc.waitUntilPosition(atLeast: .seconds(2))
                try await vlc.next()
                try await scenario.sandbox.waitForEvents(2, "start")
                try await vlc.stopPlayback()
                try await scenario.sandbox.waitForEvents(2, "stop")
            }
            let events = try await scenario.checkedHistory()
            #expect(PlaybackHistory.summary(events) == PlaybackHistory.oneAfterTheOther("Sintel", "Elephants Dream"))
            guard events.count == 4 else { return }
            // Whole seconds from the agent's estimate, which may trail the player's reading by a fraction.
            #expect((1...8).contains(events[1].positionSeconds ?? -1), "the first stopped where it was: \(events)")
            #expect((0...4).contains(events[2].positionSeconds ?? -1), "the second from its start: \(events)")
        }
    }

    @Test("mpv and VLC playing at once are two independent sessions: pausing one leaves the other alone")
    func twoPlayersAtOnce() async throws {
        try await ReleaseScenario.run(allowingAnyUser: true) { scenario in
            let inMPV = try await scenario.file(.sintel, seconds: 60)
            let inVLC = try await scenario.file(.bigBuckBunny, seconds: 60)
            try await scenario.withMPV(playing: [inMPV]) { mpv in
                try await scenario.withVLC(playing: [inVLC]) { vlc in
                    try await scenario.sandbox.waitForEvents(2, "start")
                    try await mpv.playerctl("pause")
                    try await scenario.sandbox.waitForEvents(1, "pause")
                    try await vlc.stopPlayback()
                    try await scenario.sandbox.waitForEvents(1, "stop")
                    try await mpv.playerctl("stop")
                    try await scenario.sandbox.waitForEvents(2, "stop")
                }
            }
            let events = try await scenario.checkedHistory()
            let sessions = PlaybackHistory.sessions(events)
            #expect(sessions.count == 2)
            let byTitle = Dictionary(grouping: events) { $0.title ?? "" }.mapValues { $0.map(\.action) }
            #expect(byTitle["Sintel"] == ["start", "pause", "stop"], "mpv's session: \(events)")
            #expect(byTitle["Big Buck Bunny"] == ["start", "stop"], "VLC's session: \(events)")
            #expect(sessions.allSatisfy { Set($0.compactMap(\.title)).count == 1 }, "one title per session")
        }
    }
}
