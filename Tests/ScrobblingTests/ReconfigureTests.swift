import PlaybackModel
import Scrobbling
import Testing

/// A configuration reload (SIGHUP) hands the core new policies: open sessions finish under the rules they
/// started with, everything after follows the new ones, and nothing open is lost.
@Suite("reconfigure")
struct ReconfigureTests {
    let mpv = Fixtures.mpv

    static func minimumDuration(minutes: Int64) -> @Sendable (PlayerInfo) -> PlayerPolicy {
        { _ in PlayerPolicy(progressInterval: .seconds(600), minimumDuration: .seconds(minutes * 60)) }
    }

    @Test("a reload keeps the open session and applies to the next item")
    func keepsOpenSession() {
        var run = ScriptedRun(policy: Self.minimumDuration(minutes: 5))
        let first = Fixtures.item("first.mkv", minutes: 40)
        run.appear(mpv, PlayerProperties(status: .playing, metadata: first, position: .zero, rate: 1), at: 0)
        run.wait(until: 5)
        run.reconfigure(policy: Self.minimumDuration(minutes: 60), at: 10)
        #expect(
            run.decisions.contains { $0.message == "reconfigured: new settings apply when the current session ends" })
        run.change(mpv, PlayerProperties(status: .paused, position: .seconds(20)), at: 20)
        let second = Fixtures.item("second.mkv", minutes: 40, trackID: "/1")
        run.change(mpv, PlayerProperties(status: .playing, metadata: second, position: .zero), at: 30)
        run.send(.shutdown, at: 40)
        #expect(run.events.map(\.action) == [.start, .pause, .stop])
        #expect(Set(run.events.map(\.payload.playbackSessionID)).count == 1)
        #expect(run.decisions.contains { $0.message == "ignored: duration 2400 s below 3600 s" })
    }

    @Test("a reload that lifts an ignore pattern reports the item already on screen")
    func liftsRefusal() throws {
        let trailer = [try IgnorePattern("(?i)trailer")]
        var run = ScriptedRun(policy: { _ in PlayerPolicy(ignoredTitles: trailer) })
        let item = Fixtures.item("trailer-cut.mkv", minutes: 40)
        run.appear(mpv, PlayerProperties(status: .playing, metadata: item, position: .zero, rate: 1), at: 0)
        run.wait(until: 5)
        #expect(run.events.isEmpty)
        run.reconfigure(policy: { _ in PlayerPolicy() }, at: 10)
        run.wait(until: 15)
        #expect(run.events.map(\.action) == [.start])
        #expect(run.decisions.contains { $0.message == "reconfigured: new settings apply" })
    }

    @Test("a reload that switches a player off drops it once its session has ended")
    func switchesOff() {
        var run = ScriptedRun(policy: Self.minimumDuration(minutes: 5))
        let item = Fixtures.item("film.mkv", minutes: 40)
        run.appear(mpv, PlayerProperties(status: .playing, metadata: item, position: .zero, rate: 1), at: 0)
        run.wait(until: 5)
        run.reconfigure(policy: { _ in PlayerPolicy(isEnabled: false) }, at: 10)
        run.change(mpv, PlayerProperties(status: .stopped), at: 20)
        run.change(mpv, PlayerProperties(status: .playing, position: .zero), at: 30)
        run.send(.shutdown, at: 40)
        #expect(run.events.map(\.action) == [.start, .stop])
        #expect(run.decisions.contains { $0.message == "reconfigured: player is off now" })
    }
}
