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

/// The whole pipeline up to the wire types against the noisy real player: VLC 3 as `nobody` on a private bus,
/// watched by `PlayerWatcher`, fed through `ScrobblingService` on the real clock with VLC's default policy
/// (settle window included), driven through MPRIS calls. VLC's two `Seeked` per seek, its spurious `Seeked` on
/// resume and its transient `Stopped` between tracks must each leave exactly the events a person would write.
@Suite("scrobbling a real VLC", .serialized, .timeLimit(.minutes(2)))
struct RealVLCScrobblingTests {
    /// VLC's default policy, except that short test files count and periodic progress is pushed out of the
    /// test's span so the event list is exact. The identifier takes the title, or the file name when VLC sends
    /// no title (untagged file), as a movie title.
    static func scrobbler() -> Scrobbler {
        Scrobbler(
            configuration: Scrobbler.Configuration(
                context: ScrobblingContext(deviceID: "integration-device", clientVersion: "integration-1.0"),
                policy: { info in
                    var policy = PlayerPolicy.defaults(for: info)
                    policy.minimumDuration = .zero
                    policy.progressInterval = .seconds(600)
                    return policy
                },
                identify: { hints in
                    let fileName = hints.url.flatMap(URL.init(string:))?.deletingPathExtension().lastPathComponent
                    return .media(
                        Identification(
                            mediaType: .movie, title: hints.title ?? fileName ?? "?", confidence: 1,
                            reasons: ["integration"]
                        )
                    )
                },
                makeID: { UUID().uuidString.lowercased() }
            )
        )
    }

    @Test("start, pause, resume, seek, next and a killed VLC give exactly the events a person would write")
    func realVLC() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let alpha = try await TestMedia.video(named: "alpha.mkv", seconds: 60, in: directory)
        let beta = try await TestMedia.video(named: "beta.mkv", seconds: 60, title: "Beta", in: directory)
        try await PrivateBus.with(allowingAnyUser: true) { bus in
            let connection = try await DBusConnection.connect(address: bus.address)
            let watcher = PlayerWatcher(connection: connection)
            let (eventStream, eventSink) = AsyncStream<PlaybackEvent>.makeStream()
            let service = ScrobblingService(scrobbler: Self.scrobbler(), clock: ContinuousClock()) { step in
                for event in step.events { eventSink.yield(event) }
            }
            let watching = Task { try await watcher.run() }
            let (relayed, relay) = AsyncStream<PlayerObservation>.makeStream()
            let relaying = Task {
                var seen: [PlayerObservation] = []
                for await observation in watcher.observations {
                    seen.append(observation)
                    relay.yield(observation)
                }
                relay.finish()
                return seen
            }
            let scrobbling = Task { await service.run(observations: relayed) }
            let vlc = try await VLCPlayer.start(files: [alpha, beta], bus: bus, directory: directory)
            var events: [PlaybackEvent] = []
            do {
                var reader = eventStream.makeAsyncIterator()
                func next() async throws -> PlaybackEvent {
                    let event = try #require(await reader.next(), "no more events")
                    events.append(event)
                    return event
                }
                _ = try await next()
                try await vlc.pause()
                _ = try await next()
                try await vlc.play()
                _ = try await next()
                try await vlc.setPosition(.seconds(30))
                _ = try await next()
                // Before VLC has played on for a moment, Next skips the transient Stopped this test is about.
                try await vlc.waitUntilPosition(atLeast: .seconds(31))
                try await vlc.next()
                _ = try await next()
                _ = try await next()
                await vlc.kill()
                _ = try await next()
            } catch {
                await vlc.kill()
                throw error
            }
            service.shutdown()
            await scrobbling.value
            watching.cancel()
            _ = await watching.result
            await connection.close()
            Self.check(events, alphaFileName: URL(fileURLWithPath: alpha).lastPathComponent)
            Self.checkNoise(in: await relaying.value, betaURL: URL(fileURLWithPath: beta).absoluteString)
        }
    }

    /// Proves the run went through VLC's noise the events had to survive: the resume and seek each brought more
    /// than one `Seeked`, and a `Stopped` came between Alpha and Beta's metadata.
    static func checkNoise(in observations: [PlayerObservation], betaURL: String) {
        let seekedCount = observations.filter { $0.seekedPosition != nil }.count
        #expect(seekedCount >= 3, "the spurious Seeked on resume and two per seek: \(observations)")
        let betaIndex = observations.firstIndex { $0.changes?.metadata?.url == betaURL }
        let stoppedIndex = observations.firstIndex { $0.changes?.status == .stopped }
        #expect(
            stoppedIndex.flatMap { stopped in betaIndex.map { stopped < $0 } } == true,
            "a transient Stopped before the track change: \(observations)"
        )
    }

    /// The exact sequence of actions, sessions and titles; positions within what real timing allows.
    static func check(_ events: [PlaybackEvent], alphaFileName: String) {
        #expect(
            sessionSummary(events) == [
                "start S1 alpha", "pause S1 alpha", "resume S1 alpha", "progress S1 alpha", "stop S1 alpha",
                "start S2 Beta", "stop S2 Beta",
            ]
        )
        guard events.count == 7 else { return }
        let positions = events.map { $0.payload.positionSeconds ?? -1 }
        #expect((0...6).contains(positions[0]), "start near the beginning: \(positions)")
        #expect(positions[1] <= positions[2] && positions[2] <= positions[1] + 3, "resume where paused: \(positions)")
        #expect((30...34).contains(positions[3]), "progress after the seek to 30 s: \(positions)")
        #expect((31...40).contains(positions[4]), "stop of alpha where it was left: \(positions)")
        #expect((0...6).contains(positions[5]) && (0...10).contains(positions[6]), "Beta: \(positions)")
        #expect(events.allSatisfy { $0.payload.durationSeconds == 60 })
        #expect(events[4].payload.watched == false && events[6].payload.watched == false)
        #expect(events[0].payload.rawFilename == alphaFileName)
        #expect(Set(events.map(\.payload.eventID)).count == 7)
        let sessions = events.map(\.payload.playbackSessionID)
        for index in 1..<7 where sessions[index] == sessions[index - 1] {
            #expect(events[index].payload.eventCreatedAt > events[index - 1].payload.eventCreatedAt)
        }
    }
}
