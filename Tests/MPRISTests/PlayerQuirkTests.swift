import DBus
import MPRIS
import MPRISTestSupport
import PlaybackModel
import Testing

/// The quirks of `shared/mpris-players.md` that reach the watcher, each played by the fake player.
@Suite("Surviving player quirks")
struct PlayerQuirkTests {
    /// Starts a fake player on a watched bus and consumes its `appeared`.
    static func withPlayer(
        callTimeout: Duration = .seconds(2),
        _ body: (WatchedBus, FakePlayer) async throws -> Void
    ) async throws {
        try await WatchedBus.with(callTimeout: callTimeout) { watched in
            let player = try await FakePlayer.start(on: watched.bus.address)
            _ = try #require(try await watched.recorder.next().appeared)
            try await body(watched, player)
        }
    }

    @Test("duplicate and re-sent signals become one change (Spotify, mpDris2)")
    func duplicates() async throws {
        try await Self.withPlayer { watched, player in
            let track = FakeMetadata(title: "Same", url: "file:///same.mkv", length: .seconds(60))
            try await player.setMetadata(track)
            try await player.setMetadata(track)
            try await player.emitPropertiesChanged(["Metadata": track.value])
            try await player.setStatus(.playing)
            #expect(try await watched.recorder.next().changes?.metadata?.title == "Same")
            #expect(try await watched.recorder.next().changes?.status == .playing)
        }
    }

    @Test("metadata split over two signals arrives as two changes, the second complete (mpv)")
    func splitMetadata() async throws {
        try await Self.withPlayer { watched, player in
            try await player.setMetadata(FakeMetadata(trackID: "/1", title: "b.mkv", url: "file:///b.mkv", length: nil))
            try await player.setMetadata(
                FakeMetadata(trackID: "/1", title: "Bravo", url: "file:///b.mkv", length: .seconds(5)))
            let first = try #require(try await watched.recorder.next().changes?.metadata)
            #expect(first.title == "b.mkv")
            #expect(first.length == nil)
            let second = try #require(try await watched.recorder.next().changes?.metadata)
            #expect(second == TrackMetadata(trackID: "/1", title: "Bravo", url: "file:///b.mkv", length: .seconds(5)))
        }
    }

    @Test("wrong types and invalid values are ignored; an undecodable change makes the watcher re-read the state")
    func wrongTypes() async throws {
        try await Self.withPlayer { watched, player in
            try await player.setProperties(["PlaybackStatus": .int32(1)])
            try await player.setProperties(["PlaybackStatus": .string("Unknown")])
            try await player.setProperties(["Metadata": .string("not a dictionary")])
            try await player.setProperties(["Rate": .string("fast")])
            try await player.setProperties(["PlaybackStatus": .string("Playing")], announce: false)
            try await player.emitSeeked(.string("10"))
            try await player.emitSeeked(.int64(-5))
            try await player.emitRaw(
                interface: "org.freedesktop.DBus.Properties", member: "PropertiesChanged", arguments: [.int32(3)]
            )
            let resynced = try #require(try await watched.recorder.next().changes)
            #expect(resynced.status == .playing)
            #expect(resynced.metadata == nil)
            #expect(resynced.rate == nil)
            try await player.setStatus(.paused)
            #expect(try await watched.recorder.next().changes?.status == .paused)
        }
    }

    @Test("lengths in other integer widths or as doubles, bare paths and string track IDs are understood")
    func typeDrift() async throws {
        try await Self.withPlayer { watched, player in
            try await player.setMetadata(
                FakeMetadata([
                    "mpris:trackid": .string("42"), "xesam:url": .string("/home/me/Movie.mkv"),
                    "mpris:length": .double(5_400_000_000), "xesam:artist": .string("Solo"),
                ])
            )
            let metadata = try #require(try await watched.recorder.next().changes?.metadata)
            #expect(
                metadata
                    == TrackMetadata(
                        trackID: "42", url: "/home/me/Movie.mkv", length: .seconds(5400), artists: ["Solo"])
            )
        }
    }

    @Test("a huge title is cut to the limit and the player keeps being observed")
    func hugeStrings() async throws {
        try await Self.withPlayer { watched, player in
            let huge = String(repeating: "あ", count: 2_000_000)
            try await player.setMetadata(FakeMetadata(title: huge, url: "file:///" + huge, length: .seconds(5)))
            let metadata = try #require(try await watched.recorder.next().changes?.metadata)
            #expect(metadata.title?.count == MPRISDecodingLimits.maximumTextLength)
            #expect(metadata.url == nil)
            try await player.setStatus(.playing)
            #expect(try await watched.recorder.next().changes?.status == .playing)
        }
    }

    @Test("an emptied Metadata before the real one is reported as it comes (smplayer)")
    func emptiedMetadata() async throws {
        try await Self.withPlayer { watched, player in
            try await player.setMetadata(FakeMetadata(title: "One", url: "file:///1.mkv", length: .seconds(9)))
            try await player.setMetadata(FakeMetadata([:]))
            try await player.setMetadata(FakeMetadata(title: "Two", url: "file:///2.mkv", length: .seconds(9)))
            #expect(try await watched.recorder.next().changes?.metadata?.title == "One")
            #expect(try await watched.recorder.next().changes?.metadata == TrackMetadata())
            #expect(try await watched.recorder.next().changes?.metadata?.title == "Two")
        }
    }
}
