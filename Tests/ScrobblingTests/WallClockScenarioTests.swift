import PlaybackModel
import Scrobbling
import Testing

/// The system clock set back or forward while a session is open (NTP, a manual change): the service must still
/// see each session's events in order, and positions and timers must not notice.
@Suite("the wall clock jumping mid-session")
struct WallClockScenarioTests {
    let mpv = Fixtures.mpv
    let alpha = Fixtures.item("alpha.mkv", title: "Alpha")

    @Test("set back an hour: each event is stamped 1 ms after the one before; positions and timers follow uptime")
    func setBack() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.shiftWallClock(by: -3600, at: 30)
        run.change(mpv, PlayerProperties(status: .paused, position: .seconds(40)), at: 40)
        run.change(mpv, PlayerProperties(status: .playing, position: .seconds(40)), at: 50)
        run.wait(until: 160)
        run.send(.shutdown, at: 170)
        #expect(run.events.map(\.action) == [.start, .pause, .resume, .progress, .stop])
        #expect(run.events.map(\.payload.positionSeconds) == [1, 40, 41, 141, 160])
        let start = ScriptedRun.wallClockOrigin + 1_500
        #expect(run.events.map(\.payload.eventCreatedAt) == (0..<5).map { start + Int64($0) })
    }

    @Test("set forward an hour: later events carry the new time, still in order, and nothing else changes")
    func setForward() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.shiftWallClock(by: 3600, at: 30)
        run.change(mpv, PlayerProperties(status: .paused, position: .seconds(40)), at: 40)
        run.send(.shutdown, at: 50)
        #expect(run.events.map(\.action) == [.start, .pause, .stop])
        #expect(run.events.map(\.payload.positionSeconds) == [1, 40, 40])
        let origin = ScriptedRun.wallClockOrigin
        #expect(run.events.map(\.payload.eventCreatedAt) == [origin + 1_500, origin + 3_641_500, origin + 3_650_000])
    }
}
