import BusTestSupport
import DBus
import MPRIS
import MPRISTestSupport
import PlaybackModel
import TestSupport
import Testing

@Suite("Watching a fake player")
struct PlayerWatcherTests {
    static let track = FakeMetadata(title: "Alpha", url: "file:///media/Alpha.mkv", length: .seconds(90), artist: "Ann")

    @Test("a player already on the bus is found with its full state")
    func discovery() async throws {
        try await PrivateBus.with { bus in
            let player = try await FakePlayer.start(on: bus.address)
            try await player.setMetadata(Self.track)
            try await player.setPosition(.seconds(12))
            try await player.setStatus(.playing)
            try await WatchedBus.watching(bus) { watched in
                let (info, properties) = try #require(try await watched.recorder.next().appeared)
                #expect(
                    info
                        == PlayerInfo(
                            busName: "org.mpris.MediaPlayer2.fake", uniqueName: player.uniqueName, name: "fake",
                            identity: "Fake Player", desktopEntry: "fake-player", isMirror: false
                        )
                )
                #expect(
                    properties
                        == PlayerProperties(
                            status: .playing,
                            metadata: TrackMetadata(
                                trackID: "/0", title: "Alpha", url: "file:///media/Alpha.mkv", length: .seconds(90),
                                artists: ["Ann"]
                            ),
                            position: .seconds(12), rate: 1, canSeek: true
                        )
                )
            }
        }
    }

    @Test("appeared, changed, seeked and vanished, in order, for a player that comes and goes")
    func everyKind() async throws {
        try await WatchedBus.with { watched in
            let player = try await FakePlayer.start(on: watched.bus.address, name: "vlc.instance4242")
            let (info, properties) = try #require(try await watched.recorder.next().appeared)
            #expect(info.name == "vlc")
            #expect(info.busName == "org.mpris.MediaPlayer2.vlc.instance4242")
            #expect(properties.status == .stopped)

            try await player.setPosition(.seconds(3))
            try await player.setMetadata(Self.track)
            let trackChange = try #require(try await watched.recorder.next().changes)
            #expect(trackChange.metadata?.title == "Alpha")
            #expect(trackChange.status == nil)
            #expect(trackChange.position == .seconds(3))
            try await player.setStatus(.playing)
            let statusChange = try #require(try await watched.recorder.next().changes)
            #expect(statusChange == PlayerProperties(status: .playing, position: .seconds(3)))

            try await player.seek(to: .seconds(30))
            #expect(try await watched.recorder.next() == .seeked(busName: player.busName, position: .seconds(30)))

            try await player.setRate(1.5)
            #expect(try await watched.recorder.next() == .changed(busName: player.busName, PlayerProperties(rate: 1.5)))

            await player.vanish()
            #expect(try await watched.recorder.next() == .vanished(busName: player.busName))
        }
    }

    @Test("a track change without a status reads the status, and the position, from the player")
    func trackChangeReadsStatus() async throws {
        try await WatchedBus.with { watched in
            let player = try await FakePlayer.start(on: watched.bus.address)
            _ = try await watched.recorder.next()
            try await player.setProperties(["PlaybackStatus": .string("Paused")], announce: false)
            try await player.setPosition(.seconds(7))
            try await player.setMetadata(Self.track)
            let change = try #require(try await watched.recorder.next().changes)
            #expect(change.status == .paused)
            #expect(change.metadata?.url == "file:///media/Alpha.mkv")
            #expect(change.position == .seconds(7))
        }
    }

    @Test("invalidated properties are read from the player")
    func invalidated() async throws {
        try await WatchedBus.with { watched in
            let player = try await FakePlayer.start(on: watched.bus.address)
            _ = try await watched.recorder.next()
            try await player.setProperties(["PlaybackStatus": .string("Playing")], announce: false)
            try await player.emitPropertiesChanged([:], invalidated: ["PlaybackStatus"])
            #expect(try await watched.recorder.next().changes?.status == .playing)
        }
    }

    @Test("mirrors such as playerctld are reported, marked as mirrors")
    func mirror() async throws {
        try await WatchedBus.with { watched in
            _ = try await FakePlayer.start(on: watched.bus.address, name: "playerctld")
            let (info, _) = try #require(try await watched.recorder.next().appeared)
            #expect(info.isMirror)
            #expect(info.name == "playerctld")
        }
    }

    @Test("a name released and taken back is reported as vanished, then appeared again")
    func retakeName() async throws {
        try await WatchedBus.with { watched in
            let player = try await FakePlayer.start(on: watched.bus.address)
            _ = try await watched.recorder.next()
            try await player.releaseName()
            #expect(try await watched.recorder.next().isVanished)
            try await player.setStatus(.playing)
            try await player.takeName()
            let (info, properties) = try #require(try await watched.recorder.next().appeared)
            #expect(info.uniqueName == player.uniqueName)
            #expect(properties.status == .playing)
        }
    }

    @Test("a name taken over by another connection is a new player")
    func takeOver() async throws {
        try await WatchedBus.with { watched in
            let first = try await FakePlayer.start(on: watched.bus.address)
            _ = try await watched.recorder.next()
            let second = try await FakePlayer.start(on: watched.bus.address, identity: "Second")
            #expect(try await watched.recorder.next() == .vanished(busName: first.busName))
            let (info, _) = try #require(try await watched.recorder.next().appeared)
            #expect(info.uniqueName == second.uniqueName)
            #expect(info.identity == "Second")
            try await first.setStatus(.playing)
            try await second.setStatus(.paused)
            #expect(try await watched.recorder.next().changes?.status == .paused)
        }
    }

    @Test("each observation carries the time its cause was read off the bus, on the clock it was given")
    func stamps() async throws {
        try await PrivateBus.with { bus in
            let clock = VirtualClock()
            let connection = try await bus.connect()
            let watcher = PlayerWatcher(connection: connection, uptime: { clock.now.offset })
            let recorder = StreamRecorder(watcher.stampedObservations)
            let running = Task { try await watcher.run() }
            let stamps: Result<(StampedObservation, StampedObservation), any Error>
            do {
                try await clock.sleep(for: .seconds(1))
                let player = try await FakePlayer.start(on: bus.address)
                let appeared = try await recorder.next()
                try await clock.sleep(for: .seconds(2))
                try await player.setStatus(.playing)
                stamps = .success((appeared, try await recorder.next()))
            } catch {
                stamps = .failure(error)
            }
            running.cancel()
            _ = await running.result
            await connection.close()
            let (appeared, change) = try stamps.get()
            #expect(appeared.observation.appeared != nil)
            #expect(appeared.arrivedAt == .seconds(1))
            #expect(change.observation.changes?.status == .playing)
            #expect(change.arrivedAt == .seconds(3))
        }
    }

    @Test("losing the bus reports every player as vanished and ends the stream")
    func connectionLost() async throws {
        try await WatchedBus.with { watched in
            _ = try await FakePlayer.start(on: watched.bus.address, name: "one")
            _ = try await FakePlayer.start(on: watched.bus.address, name: "two")
            _ = try await watched.recorder.next()
            _ = try await watched.recorder.next()
            await watched.connection.close()
            let vanished = [try await watched.recorder.next(), try await watched.recorder.next()]
            #expect(Set(vanished.map(\.busName)) == ["org.mpris.MediaPlayer2.one", "org.mpris.MediaPlayer2.two"])
            #expect(vanished.allSatisfy { $0.isVanished })
            do {
                let unexpected = try await watched.recorder.next(timeout: .seconds(5))
                Issue.record("the stream went on with \(unexpected)")
            } catch {
                #expect(error as? ObservationRecorder.Failure == .streamEnded)
            }
        }
    }
}
