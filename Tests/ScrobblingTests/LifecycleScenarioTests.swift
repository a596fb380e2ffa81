import PlaybackModel
import Scrobbling
import Testing

/// Sleep, wake and agent shutdown: each open session gets exactly one stop, and playback that goes on after
/// wake is a new session.
@Suite("sleep, wake and shutdown")
struct LifecycleScenarioTests {
    let mpv = Fixtures.mpv
    let alpha = Fixtures.item("alpha.mkv", title: "Alpha")

    @Test("sleep stops the playing session; after wake the still-playing item starts a new session where it was")
    func sleepAndWakeWhilePlaying() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.send(.sleep, at: 60)
        run.send(.wake, at: 5000)
        run.send(.shutdown, at: 5010)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "60.0 stop S1 pos=60 dur=600 prog=0.100 watched=false threshold=0.9",
                "5001.5 start S2 movie \"Alpha\" file=alpha.mkv pos=61 dur=600 prog=0.102",
                "5010.0 stop S2 pos=70 dur=600 prog=0.117 watched=false threshold=0.9",
            ]
        )
    }

    @Test("a player paused before sleep is stopped once and not restarted until it plays")
    func sleepWhilePaused() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.change(mpv, PlayerProperties(status: .paused, position: .seconds(30)), at: 30)
        run.send(.sleep, at: 60)
        run.send(.wake, at: 600)
        run.wait(until: 700)
        run.change(mpv, PlayerProperties(status: .playing, position: .seconds(30)), at: 700)
        run.send(.shutdown, at: 710)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "31.5 pause S1 pos=30 dur=600 prog=0.050",
                "60.0 stop S1 pos=30 dur=600 prog=0.050 watched=false threshold=0.9",
                "701.5 start S2 movie \"Alpha\" file=alpha.mkv pos=31 dur=600 prog=0.052",
                "710.0 stop S2 pos=40 dur=600 prog=0.067 watched=false threshold=0.9",
            ]
        )
    }

    @Test("changes seen while asleep are not reported until after wake")
    func changesWhileAsleep() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.send(.sleep, at: 10)
        run.change(mpv, PlayerProperties(status: .paused, position: .seconds(10)), at: 10.5)
        run.wait(until: 100)
        #expect(run.scrobbler.nextDeadline == nil)
        run.send(.wake, at: 100)
        run.send(.shutdown, at: 200)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "10.0 stop S1 pos=10 dur=600 prog=0.017 watched=false threshold=0.9",
            ]
        )
    }

    @Test("shutdown stops every open session of every player once; later input is ignored")
    func shutdownStopsAll() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        let beta = Fixtures.item("beta.mkv", title: "Beta")
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.appear(Fixtures.vlc, PlayerProperties(status: .paused, metadata: beta, position: .zero, rate: 1), at: 0)
        run.change(Fixtures.vlc, PlayerProperties(status: .playing), at: 5)
        run.send(.shutdown, at: 20)
        run.change(mpv, PlayerProperties(status: .paused), at: 21)
        run.send(.shutdown, at: 22)
        run.wait(until: 100)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "6.5 start S2 movie \"Beta\" file=beta.mkv pos=1 dur=600 prog=0.003",
                "20.0 stop S1 pos=20 dur=600 prog=0.033 watched=false threshold=0.9",
                "20.0 stop S2 pos=15 dur=600 prog=0.025 watched=false threshold=0.9",
            ]
        )
        #expect(run.scrobbler.hasOpenSessions == false)
    }
}
