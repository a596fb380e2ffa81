import DBus
import MPRIS
import MPRISTestSupport
import PlaybackModel
import Testing

@Suite("Many players at once")
struct ManyPlayersTests {
    @Test("twenty players appear, change and vanish, each observation attributed to the right player")
    func twenty() async throws {
        try await WatchedBus.with { watched in
            var players: [FakePlayer] = []
            for index in 0..<20 {
                players.append(try await FakePlayer.start(on: watched.bus.address, name: "player\(index)"))
            }
            var appeared: Set<String> = []
            for _ in players { appeared.insert(try #require(try await watched.recorder.next().appeared).info.busName) }
            #expect(appeared == Set(players.map(\.busName)))

            for (index, player) in players.enumerated() {
                try await player.setMetadata(
                    FakeMetadata(title: "Title \(index)", url: "file:///\(index).mkv", length: .seconds(index + 1))
                )
            }
            var titles: [String: String] = [:]
            for _ in players {
                let observation = try await watched.recorder.next()
                titles[observation.busName] = try #require(observation.changes?.metadata?.title)
            }
            for (index, player) in players.enumerated() { #expect(titles[player.busName] == "Title \(index)") }

            for player in players { await player.vanish() }
            var vanished: Set<String> = []
            for _ in players {
                let observation = try await watched.recorder.next()
                #expect(observation.isVanished)
                vanished.insert(observation.busName)
            }
            #expect(vanished == Set(players.map(\.busName)))
        }
    }

    @Test("a player flooding wrong types does not disturb another one")
    func misbehavingNeighbour() async throws {
        try await WatchedBus.with { watched in
            let bad = try await FakePlayer.start(on: watched.bus.address, name: "bad")
            let good = try await FakePlayer.start(on: watched.bus.address, name: "good")
            _ = try await watched.recorder.next()
            _ = try await watched.recorder.next()
            for round in 0..<50 {
                try await bad.setProperties(["PlaybackStatus": .uint64(UInt64(round)), "Metadata": .int16(-1)])
                try await bad.emitSeeked(.boolean(true))
                if round.isMultiple(of: 10) {
                    try await good.setStatus(round.isMultiple(of: 20) ? .playing : .paused)
                }
            }
            for expected in [PlaybackStatus.playing, .paused, .playing, .paused, .playing] {
                let observation = try await watched.recorder.next()
                #expect(observation.busName == good.busName)
                #expect(observation.changes?.status == expected)
            }
            await bad.vanish()
            #expect(try await watched.recorder.next() == .vanished(busName: bad.busName))
        }
    }
}
