import PlaybackModel
import Scrobbling
import Testing

/// `watched = progress >= threshold AND really-played time >= 10 % of the duration`; a stop within 3 s of the
/// end reports the full duration; `watched_threshold` is sent with every stop.
@Suite("watched rule")
struct WatchedRuleTests {
    let mpv = Fixtures.mpv
    let alpha = Fixtures.item("alpha.mkv", title: "Alpha")

    @Test("far enough and played enough: watched, at the real position when more than 3 s from the end")
    func watchedBeforeTheEnd() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 1000))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .seconds(500), rate: 1), at: 0)
        run.observe(.vanished(busName: mpv.busName), at: 90)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=501 dur=600 prog=0.836",
                "90.0 stop S1 pos=590 dur=600 prog=0.983 watched=true threshold=0.9",
            ]
        )
    }

    @Test("resumed near the end and played less than 10 %: full duration but not watched")
    func notPlayedEnough() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 1000))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .seconds(560), rate: 1), at: 0)
        run.observe(.vanished(busName: mpv.busName), at: 38)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=561 dur=600 prog=0.936",
                "38.0 stop S1 pos=600 dur=600 prog=1.000 watched=false threshold=0.9",
            ]
        )
    }

    @Test("the policy's threshold decides and is sent")
    func policyThreshold() {
        var run = ScriptedRun(policy: { _ in PlayerPolicy(progressInterval: .seconds(1000), watchedThreshold: 0.5) })
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.observe(.vanished(busName: mpv.busName), at: 320)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "320.0 stop S1 pos=320 dur=600 prog=0.533 watched=true threshold=0.5",
            ]
        )
    }

    @Test("time spent paused does not count as played")
    func pausedTimeIsNotPlayed() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 1000))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .seconds(540), rate: 1), at: 0)
        run.change(mpv, PlayerProperties(status: .paused, position: .seconds(550)), at: 10)
        run.change(mpv, PlayerProperties(status: .playing, position: .seconds(550)), at: 1000)
        run.observe(.vanished(busName: mpv.busName), at: 1040)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=541 dur=600 prog=0.902",
                "11.5 pause S1 pos=550 dur=600 prog=0.917",
                "1001.5 resume S1 pos=551 dur=600 prog=0.919",
                "1040.0 stop S1 pos=590 dur=600 prog=0.983 watched=false threshold=0.9",
            ]
        )
    }
}
