import PlaybackModel
import Scrobbling
import Testing

/// The position model through the core: extrapolation at `Rate`, players without `Position`, and players
/// whose `Position` stays at 0.
@Suite("position model")
struct PositionModelTests {
    let alpha = Fixtures.item("alpha.mkv", title: "Alpha")
    let everyPlayer: @Sendable (PlayerInfo) -> PlayerPolicy = { _ in PlayerPolicy(progressInterval: .seconds(100)) }

    @Test("the position advances at Rate, and a rate change re-anchors without being a seek")
    func rate() {
        var run = ScriptedRun(policy: everyPlayer)
        run.appear(Fixtures.mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 2), at: 0)
        run.change(Fixtures.mpv, PlayerProperties(rate: 1), at: 50)
        run.send(.shutdown, at: 60)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=3 dur=600 prog=0.005",
                "60.0 stop S1 pos=110 dur=600 prog=0.183 watched=false threshold=0.9",
            ]
        )
    }

    @Test("a player without Position (a browser) is tracked by elapsed time")
    func positionUnsupported() {
        var run = ScriptedRun(policy: everyPlayer)
        let firefox = Fixtures.player("firefox")
        let page = TrackMetadata(title: "Alpha", url: "https://video.example/1", length: .seconds(600))
        run.appear(firefox, PlayerProperties(status: .playing, metadata: page, rate: 1), at: 0)
        run.change(firefox, PlayerProperties(status: .paused), at: 40)
        run.change(firefox, PlayerProperties(status: .playing), at: 60)
        run.send(.shutdown, at: 80)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" pos=1 dur=600 prog=0.003",
                "41.5 pause S1 pos=40 dur=600 prog=0.067",
                "61.5 resume S1 pos=41 dur=600 prog=0.069",
                "80.0 stop S1 pos=60 dur=600 prog=0.100 watched=false threshold=0.9",
            ]
        )
    }

    @Test("a Position stuck at 0 is ignored in favour of elapsed time, and logged")
    func positionStuckAtZero() {
        var run = ScriptedRun(policy: everyPlayer)
        let spotify = Fixtures.player("spotify")
        run.appear(spotify, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.change(spotify, PlayerProperties(status: .paused, position: .zero), at: 40)
        run.change(spotify, PlayerProperties(status: .playing, position: .zero), at: 60)
        run.send(.shutdown, at: 80)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "41.5 pause S1 pos=40 dur=600 prog=0.067",
                "61.5 resume S1 pos=41 dur=600 prog=0.069",
                "80.0 stop S1 pos=60 dur=600 prog=0.100 watched=false threshold=0.9",
            ]
        )
        #expect(
            run.decisions.contains {
                $0.message == "position stuck at 0: using elapsed time instead of Position"
            })
    }

    @Test("a position read that disagrees with elapsed time by more than 2 s is a seek; small drift is not")
    func driftIsNotASeek() {
        var run = ScriptedRun(policy: everyPlayer)
        run.appear(Fixtures.mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.change(Fixtures.mpv, PlayerProperties(status: .paused, position: .seconds(31.5)), at: 30)
        run.change(Fixtures.mpv, PlayerProperties(status: .playing, position: .seconds(31.5)), at: 40)
        run.send(.shutdown, at: 50)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "31.5 pause S1 pos=31 dur=600 prog=0.052",
                "41.5 resume S1 pos=33 dur=600 prog=0.055",
                "50.0 stop S1 pos=41 dur=600 prog=0.069 watched=false threshold=0.9",
            ]
        )
    }
}
