import MPRISTestSupport
import Testing

/// How far a real mpv was watched becomes the `stop`'s progress and watched flag: the end of the file is
/// watched, a stop part-way saves progress, and a seek to the end is not watching.
@Suite("release binary: watching with a real mpv", .serialized, .timeLimit(.minutes(3)))
struct WatchingEndToEndTests {
    @Test("a film played to its end is stopped at its full duration, watched, and recorded as a watch")
    func watchToTheEnd() async throws {
        try await ReleaseScenario.run { scenario in
            let film = try await scenario.file(.sintel, seconds: 8)
            try await scenario.withMPV(playing: [film]) { _ in
                try await scenario.sandbox.waitForEvents(1, "stop")
            }
            let events = try await scenario.checkedHistory()
            #expect(PlaybackHistory.summary(events) == ["start S1 Sintel", "stop S1 Sintel"])
            let stop = try #require(events.last)
            #expect(stop.watched == true)
            #expect(stop.positionSeconds == 8 && stop.durationSeconds == 8, "\(stop)")
            #expect(stop.progress == 1)
            let watches = await scenario.sandbox.watchHistory()
            #expect(watches.map(\.sessionID) == [stop.sessionID])
        }
    }

    @Test("a film stopped at about 40 % saves that progress and is not watched")
    func stopAtFortyPercent() async throws {
        try await ReleaseScenario.run { scenario in
            let film = try await scenario.file(.sintel, seconds: 20)
            try await scenario.withMPV(playing: [film]) { mpv in
                try await scenario.sandbox.waitForEvents(1, "start")
                try await mpv.waitUntilPosition(atLeast: .seconds(8))
                try await mpv.playerctl("stop")
                try await scenario.sandbox.waitForEvents(1, "stop")
            }
            let events = try await scenario.checkedHistory()
            #expect(PlaybackHistory.summary(events) == ["start S1 Sintel", "stop S1 Sintel"])
            let stop = try #require(events.last)
            #expect(stop.watched != true)
            #expect((0.35...0.6).contains(stop.progress ?? -1), "\(stop)")
            #expect((7...12).contains(stop.positionSeconds ?? -1), "\(stop)")
            #expect(await scenario.sandbox.watchHistory().isEmpty)
        }
    }

    @Test("a seek to just before the end, played out, reaches full progress but is not watched (too little played)")
    func seekToTheEndIsNotWatching() async throws {
        try await ReleaseScenario.run { scenario in
            let film = try await scenario.file(.sintel, seconds: 90)
            try await scenario.withMPV(playing: [film]) { mpv in
                try await scenario.sandbox.waitForEvents(1, "start")
                try await mpv.playerctl("position", "87")
                try await scenario.sandbox.waitForEvents(1, "stop")
            }
            let events = try await scenario.checkedHistory()
            #expect(
                PlaybackHistory.summary(events) == ["start S1 Sintel", "progress S1 Sintel", "stop S1 Sintel"]
            )
            let stop = try #require(events.last)
            #expect(stop.progress == 1 && stop.positionSeconds == 90, "\(stop)")
            #expect(stop.watched == false, "explicitly not watched: \(stop)")
            #expect(await scenario.sandbox.watchHistory().isEmpty)
        }
    }
}
