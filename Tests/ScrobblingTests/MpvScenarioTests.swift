import PlaybackModel
import Scrobbling
import Testing

/// mpv + mpv-mpris as recorded in `shared/mpris-players.md`: one full `PropertiesChanged` at start, two-part
/// `Metadata` on natural end or opening from idle, no status change on next/previous, `/noplaylist` after stop.
@Suite("mpv scenarios")
struct MpvScenarioTests {
    let mpv = Fixtures.mpv
    let alpha = Fixtures.item("alpha.mkv", title: "Alpha")

    @Test("two-part metadata from idle coalesces into one start with the embedded title")
    func twoPartMetadata() {
        var run = ScriptedRun()
        run.appear(mpv, PlayerProperties(status: .stopped, position: .zero, rate: 1), at: 0)
        let firstPart = TrackMetadata(trackID: "/0", title: "alpha.mkv", url: alpha.url)
        run.change(mpv, PlayerProperties(status: .playing, metadata: firstPart, position: .zero), at: 1.0)
        run.change(mpv, PlayerProperties(metadata: alpha, position: .seconds(0.1)), at: 1.1)
        run.send(.shutdown, at: 20)
        #expect(
            Transcript.lines(run.events) == [
                "2.6 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "17.6 progress S1 pos=16 dur=600 prog=0.028",
                "20.0 stop S1 pos=19 dur=600 prog=0.032 watched=false threshold=0.9",
            ]
        )
    }

    @Test("pause and resume are reported once each, and progress restarts after resume")
    func pauseAndResume() {
        var run = ScriptedRun()
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.change(mpv, PlayerProperties(status: .paused, position: .seconds(40)), at: 40)
        run.change(mpv, PlayerProperties(status: .playing, position: .seconds(40)), at: 100)
        run.send(.shutdown, at: 120)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "16.5 progress S1 pos=16 dur=600 prog=0.028",
                "31.5 progress S1 pos=31 dur=600 prog=0.052",
                "41.5 pause S1 pos=40 dur=600 prog=0.067",
                "101.5 resume S1 pos=41 dur=600 prog=0.069",
                "116.5 progress S1 pos=56 dur=600 prog=0.094",
                "120.0 stop S1 pos=60 dur=600 prog=0.100 watched=false threshold=0.9",
            ]
        )
        #expect(
            run.decisions.map(\.message) == [
                "settled: Playing \"Alpha\"", "start: movie \"Alpha\" (600 s): \"fixture\"",
                "settled: Paused \"Alpha\"", "settled: Playing \"Alpha\"", "stop: agent shutting down",
            ]
        )
    }

    @Test("play/pause flapping produces nothing until it settles, and delays the due progress")
    func flapping() {
        var run = ScriptedRun()
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.change(mpv, PlayerProperties(status: .paused), at: 30.0)
        run.change(mpv, PlayerProperties(status: .playing), at: 30.5)
        run.change(mpv, PlayerProperties(status: .paused), at: 31.0)
        run.change(mpv, PlayerProperties(status: .playing), at: 31.4)
        run.send(.shutdown, at: 40)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "16.5 progress S1 pos=16 dur=600 prog=0.028",
                "32.9 progress S1 pos=32 dur=600 prog=0.053",
                "40.0 stop S1 pos=39 dur=600 prog=0.065 watched=false threshold=0.9",
            ]
        )
    }

    @Test("a seek forward and a seek back each give one progress once settled")
    func seekForwardAndBack() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.seek(mpv, to: 300, at: 40)
        run.seek(mpv, to: 100, at: 60)
        run.send(.shutdown, at: 70)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "41.5 progress S1 pos=301 dur=600 prog=0.502",
                "61.5 progress S1 pos=101 dur=600 prog=0.169",
                "70.0 stop S1 pos=110 dur=600 prog=0.183 watched=false threshold=0.9",
            ]
        )
    }

    @Test("seeking to the end and letting it finish is not watching, though the full duration is reported")
    func seekToEndIsNotWatched() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.seek(mpv, to: 590, at: 30)
        run.change(mpv, PlayerProperties(status: .stopped, position: .zero), at: 40)
        run.change(mpv, PlayerProperties(metadata: TrackMetadata(trackID: "/noplaylist")), at: 40.05)
        run.wait(until: 60)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "31.5 progress S1 pos=591 dur=600 prog=0.986",
                "41.55 stop S1 pos=600 dur=600 prog=1.000 watched=false threshold=0.9",
            ]
        )
    }

    @Test("natural end into the next file: the old item stops watched at full duration, the new one starts")
    func naturalEndIntoNextFile() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 200))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        let beta = Fixtures.item("beta.mkv", title: "Beta", minutes: 20, trackID: "/1")
        let betaFirstPart = TrackMetadata(trackID: "/1", title: "beta.mkv", url: beta.url)
        run.change(mpv, PlayerProperties(metadata: betaFirstPart, position: .zero), at: 598.5)
        run.change(mpv, PlayerProperties(metadata: beta, position: .seconds(0.1)), at: 598.6)
        run.send(.shutdown, at: 610)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "201.5 progress S1 pos=201 dur=600 prog=0.336",
                "401.5 progress S1 pos=401 dur=600 prog=0.669",
                "600.1 stop S1 pos=600 dur=600 prog=1.000 watched=true threshold=0.9",
                "600.1 start S2 movie \"Beta\" file=beta.mkv pos=1 dur=1200 prog=0.001",
                "610.0 stop S2 pos=11 dur=1200 prog=0.010 watched=false threshold=0.9",
            ]
        )
    }

    @Test("next and previous: each new item stops the old session and starts a new one, even the same file again")
    func nextAndPrevious() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 200))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        let beta = Fixtures.item("beta.mkv", title: "Beta", trackID: "/1")
        run.change(mpv, PlayerProperties(metadata: beta, position: .zero), at: 120)
        run.change(mpv, PlayerProperties(metadata: alpha, position: .zero), at: 150)
        run.send(.shutdown, at: 160)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "121.5 stop S1 pos=120 dur=600 prog=0.200 watched=false threshold=0.9",
                "121.5 start S2 movie \"Beta\" file=beta.mkv pos=1 dur=600 prog=0.003",
                "151.5 stop S2 pos=30 dur=600 prog=0.050 watched=false threshold=0.9",
                "151.5 start S3 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "160.0 stop S3 pos=10 dur=600 prog=0.017 watched=false threshold=0.9",
            ]
        )
    }

    @Test("next while paused stops the old item; the new one starts only when it plays")
    func nextWhilePaused() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 200))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.change(mpv, PlayerProperties(status: .paused, position: .seconds(50)), at: 50)
        let beta = Fixtures.item("beta.mkv", title: "Beta", trackID: "/1")
        run.change(mpv, PlayerProperties(metadata: beta, position: .zero), at: 80)
        run.change(mpv, PlayerProperties(status: .playing, position: .zero), at: 100)
        run.send(.shutdown, at: 110)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "51.5 pause S1 pos=50 dur=600 prog=0.083",
                "81.5 stop S1 pos=50 dur=600 prog=0.083 watched=false threshold=0.9",
                "101.5 start S2 movie \"Beta\" file=beta.mkv pos=1 dur=600 prog=0.003",
                "110.0 stop S2 pos=10 dur=600 prog=0.017 watched=false threshold=0.9",
            ]
        )
    }

    @Test("stop: Stopped then /noplaylist metadata give exactly one stop")
    func stop() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 200))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.change(mpv, PlayerProperties(status: .stopped, position: .zero), at: 90)
        run.change(mpv, PlayerProperties(metadata: TrackMetadata(trackID: "/noplaylist")), at: 90.02)
        run.wait(until: 300)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "91.52 stop S1 pos=90 dur=600 prog=0.150 watched=false threshold=0.9",
            ]
        )
    }

    @Test("quit: Stopped then the name is lost gives one stop, at once")
    func quit() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 200))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.change(mpv, PlayerProperties(status: .stopped), at: 90)
        run.observe(.vanished(busName: mpv.busName), at: 90.05)
        run.wait(until: 300)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "90.05 stop S1 pos=90 dur=600 prog=0.150 watched=false threshold=0.9",
            ]
        )
    }

    @Test("killed: only the name loss, the session stops at the extrapolated position")
    func killed() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 200))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .seconds(30), rate: 1), at: 0)
        run.observe(.vanished(busName: mpv.busName), at: 75)
        run.wait(until: 300)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=31 dur=600 prog=0.052",
                "75.0 stop S1 pos=105 dur=600 prog=0.175 watched=false threshold=0.9",
            ]
        )
    }

    @Test("after the playlist ended, a file loaded while the status stays Stopped is taken as playing")
    func playingWhileStatusSaysStopped() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 200))
        run.appear(mpv, PlayerProperties(status: .stopped, metadata: TrackMetadata(trackID: "/noplaylist")), at: 0)
        run.change(mpv, PlayerProperties(metadata: alpha, position: .zero), at: 10)
        run.change(mpv, PlayerProperties(status: .paused, position: .seconds(20)), at: 30)
        run.send(.shutdown, at: 40)
        #expect(
            Transcript.lines(run.events) == [
                "11.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "31.5 pause S1 pos=20 dur=600 prog=0.033",
                "40.0 stop S1 pos=20 dur=600 prog=0.033 watched=false threshold=0.9",
            ]
        )
        #expect(run.decisions.contains { $0.kind == .inferredPlaying })
    }
}
