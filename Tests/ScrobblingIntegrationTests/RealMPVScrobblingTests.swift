import BusTestSupport
import DBus
import Foundation
import MPRIS
import MPRISTestSupport
import MediaIdentity
import PlaybackModel
import PunchPlay
import Scrobbling
import TestSupport
import Testing

/// The whole pipeline up to the wire types against a real player: mpv with mpv-mpris on a private bus,
/// watched by `PlayerWatcher`, fed through `ScrobblingService` on the real clock, driven with playerctl.
/// The suite's time limit is the timeout of every wait.
@Suite("scrobbling a real mpv", .serialized, .timeLimit(.minutes(2)))
struct RealMPVScrobblingTests {
    /// Short test files count: no minimum duration; periodic progress is pushed out of the test's span so the
    /// event list is exact; the identifier takes the embedded title as a movie title.
    static func scrobbler() -> Scrobbler {
        Scrobbler(
            configuration: Scrobbler.Configuration(
                context: ScrobblingContext(deviceID: "integration-device", clientVersion: "integration-1.0"),
                policy: { _ in PlayerPolicy(progressInterval: .seconds(600), minimumDuration: .zero) },
                identify: { hints in
                    .media(
                        Identification(
                            mediaType: .movie, title: hints.title ?? "?", confidence: 1, reasons: ["integration"]
                        )
                    )
                },
                makeID: { UUID().uuidString.lowercased() }
            )
        )
    }

    @Test("start, pause, resume, seek, next and a killed player give exactly the events a person would write")
    func realMPV() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let alpha = try await TestMedia.video(named: "alpha.mkv", seconds: 60, title: "Alpha", in: directory)
        let beta = try await TestMedia.video(named: "beta.mkv", seconds: 60, title: "Beta", in: directory)
        try await PrivateBus.with { bus in
            let connection = try await DBusConnection.connect(address: bus.address)
            let watcher = PlayerWatcher(connection: connection)
            let (eventStream, eventSink) = AsyncStream<PlaybackEvent>.makeStream()
            let service = ScrobblingService(scrobbler: Self.scrobbler(), clock: ContinuousClock()) { step in
                for event in step.events { eventSink.yield(event) }
            }
            let watching = Task { try await watcher.run() }
            let scrobbling = Task { await service.run(observations: watcher.observations) }
            let mpv = try MPVPlayer(files: [alpha, beta], busAddress: bus.address, directory: directory)
            var events: [PlaybackEvent] = []
            do {
                var reader = eventStream.makeAsyncIterator()
                func next() async throws -> PlaybackEvent {
                    let event = try #require(await reader.next(), "no more events")
                    events.append(event)
                    return event
                }
                _ = try await next()
                try await mpv.playerctl("pause")
                _ = try await next()
                try await mpv.playerctl("play")
                _ = try await next()
                try await mpv.playerctl("position", "30")
                _ = try await next()
                try await mpv.playerctl("next")
                _ = try await next()
                _ = try await next()
                await mpv.stop()
                _ = try await next()
            } catch {
                await mpv.stop()
                throw error
            }
            service.shutdown()
            await scrobbling.value
            watching.cancel()
            _ = await watching.result
            await connection.close()
            Self.check(events, alphaURL: URL(fileURLWithPath: alpha).lastPathComponent)
        }
    }

    /// The exact sequence of actions, sessions and titles; positions within what real timing allows.
    static func check(_ events: [PlaybackEvent], alphaURL: String) {
        #expect(
            sessionSummary(events) == [
                "start S1 Alpha", "pause S1 Alpha", "resume S1 Alpha", "progress S1 Alpha", "stop S1 Alpha",
                "start S2 Beta", "stop S2 Beta",
            ]
        )
        guard events.count == 7 else { return }
        let positions = events.map { $0.payload.positionSeconds ?? -1 }
        #expect((0...6).contains(positions[0]), "start near the beginning: \(positions)")
        #expect(positions[1] <= positions[2] && positions[2] <= positions[1] + 3, "resume where paused: \(positions)")
        #expect((30...34).contains(positions[3]), "progress after the seek to 30 s: \(positions)")
        #expect((30...40).contains(positions[4]), "stop of Alpha where it was left: \(positions)")
        #expect((0...6).contains(positions[5]) && (0...10).contains(positions[6]), "Beta: \(positions)")
        #expect(events.allSatisfy { $0.payload.durationSeconds == 60 })
        #expect(events[4].payload.watched == false && events[6].payload.watched == false)
        #expect(events[0].payload.rawFilename == alphaURL)
        #expect(Set(events.map(\.payload.eventID)).count == 7)
        let sessions = events.map(\.payload.playbackSessionID)
        for index in 1..<7 where sessions[index] == sessions[index - 1] {
            #expect(events[index].payload.eventCreatedAt > events[index - 1].payload.eventCreatedAt)
        }
    }
}
