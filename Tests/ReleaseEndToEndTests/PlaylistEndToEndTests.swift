import MPRISTestSupport
import Testing

/// A playlist in a real mpv is one session per file, each closed before the next opens, whether the person
/// skips ahead or the files play out.
@Suite("release binary: playlists in a real mpv", .serialized, .timeLimit(.minutes(3)))
struct PlaylistEndToEndTests {
    @Test("next in a two-file playlist stops the first session before the second starts")
    func playlistNext() async throws {
        try await ReleaseScenario.run { scenario in
            let first = try await scenario.file(.sintel, seconds: 30)
            let second = try await scenario.file(.elephantsDream, seconds: 30)
            try await scenario.withMPV(playing: [first, second]) { mpv in
                try await scenario.sandbox.waitForEvents(1, "start")
                try await mpv.playerctl("next")
                try await scenario.sandbox.waitForEvents(2, "start")
                try await mpv.playerctl("stop")
                try await scenario.sandbox.waitForEvents(2, "stop")
            }
            let events = try await scenario.checkedHistory()
            #expect(PlaybackHistory.summary(events) == PlaybackHistory.oneAfterTheOther("Sintel", "Elephants Dream"))
            guard events.count == 4 else { return }
            #expect(events[1].createdAt <= events[2].createdAt, "stamps only increase within a session; never back")
            #expect(events[1].watched == false && events[3].watched == false)
            #expect((0...4).contains(events[2].positionSeconds ?? -1), "the second file from its start")
        }
    }

    @Test("a playlist played out ends with the last file stopped and watched while the player idles")
    func naturalEndOfTheLastFile() async throws {
        try await ReleaseScenario.run { scenario in
            let first = try await scenario.file(.sintel, seconds: 6)
            let second = try await scenario.file(.elephantsDream, seconds: 6)
            try await scenario.withMPV(playing: [first, second]) { mpv in
                try await scenario.sandbox.waitForEvents(2, "stop")
                #expect(try await mpv.isIdle(), "mpv still runs, with nothing loaded")
            }
            let events = try await scenario.checkedHistory()
            #expect(PlaybackHistory.summary(events) == PlaybackHistory.oneAfterTheOther("Sintel", "Elephants Dream"))
            let stops = events.filter { $0.action == "stop" }
            #expect(stops.allSatisfy { $0.watched == true && $0.progress == 1 }, "\(stops)")
            #expect(await scenario.sandbox.watchHistory().count == 2)
        }
    }
}
