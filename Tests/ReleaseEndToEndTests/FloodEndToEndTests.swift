import MPRIS
import MPRISTestSupport
import PunchPlaySandbox
import Testing

/// A player that floods the bus with `PropertiesChanged` costs the service nothing: the settle window absorbs
/// the storm, so one session with a handful of events reaches it.
@Suite("release binary: a flooding player", .serialized, .timeLimit(.minutes(3)))
struct FloodEndToEndTests {
    static let film = FakeMetadata(
        title: "Big Buck Bunny",
        url: "file:///home/user/Films/Big.Buck.Bunny.2008.1080p.mkv",
        length: .seconds(600)
    )

    @Test("20,000 status flips in a burst, ending paused, give one session: start, pause, stop")
    func floodingPlayer() async throws {
        try await ReleaseScenario.run(debug: false) { scenario in
            let player = try await FakePlayer.start(on: scenario.bus.address, name: "mpv", identity: "mpv")
            do {
                try await player.setMetadata(Self.film)
                try await player.setStatus(.playing)
                try await scenario.sandbox.waitForEvents(1, "start")
                try await player.flood(count: 20_000, endingWith: .paused)
                try await scenario.sandbox.waitForEvents(1, "pause")
                try await player.setStatus(.stopped)
                try await scenario.sandbox.waitForEvents(1, "stop")
            } catch {
                await player.vanish()
                throw error
            }
            await player.vanish()
            let events = try await scenario.checkedHistory()
            #expect(Set(events.map(\.sessionID)).count == 1, "one session: \(events)")
            #expect(events.count <= 5, "a handful of events, not a storm: \(events)")
            #expect(events.first?.action == "start" && events.last?.action == "stop")
            #expect(events.dropLast().last?.action == "pause", "the state the flood ended in: \(events)")
        }
    }
}
