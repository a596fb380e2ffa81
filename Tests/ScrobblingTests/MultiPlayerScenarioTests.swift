import PlaybackModel
import Scrobbling
import Testing

/// Several players at once keep their own sessions; the same content seen through a browser and its
/// mirror is reported once.
@Suite("several players")
struct MultiPlayerScenarioTests {
    let alpha = Fixtures.item("alpha.mkv", title: "Alpha")
    let beta = Fixtures.item("beta.mkv", title: "Beta")

    @Test("two players playing at once each get their own session and progress")
    func twoPlayers() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 20))
        run.appear(Fixtures.mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.appear(Fixtures.vlc, PlayerProperties(status: .playing, metadata: beta, position: .zero, rate: 1), at: 10)
        run.change(Fixtures.mpv, PlayerProperties(status: .paused, position: .seconds(25)), at: 25)
        run.observe(.vanished(busName: Fixtures.vlc.busName), at: 40)
        run.send(.shutdown, at: 50)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "11.5 start S2 movie \"Beta\" file=beta.mkv pos=1 dur=600 prog=0.003",
                "21.5 progress S1 pos=21 dur=600 prog=0.036",
                "26.5 pause S1 pos=25 dur=600 prog=0.042",
                "31.5 progress S2 pos=21 dur=600 prog=0.036",
                "40.0 stop S2 pos=30 dur=600 prog=0.050 watched=false threshold=0.9",
                "50.0 stop S1 pos=25 dur=600 prog=0.042 watched=false threshold=0.9",
            ]
        )
    }

    @Test("mirrors such as playerctld are off by default: the playback is reported once, by the real player")
    func mirrorOffByDefault() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        let playerctld = Fixtures.player("playerctld", isMirror: true)
        run.appear(Fixtures.mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.appear(playerctld, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0.1)
        run.change(playerctld, PlayerProperties(status: .paused), at: 5)
        run.send(.shutdown, at: 10)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "10.0 stop S1 pos=10 dur=600 prog=0.017 watched=false threshold=0.9",
            ]
        )
        #expect(
            run.decisions.map(\.description).contains(
                "org.mpris.MediaPlayer2.playerctld: ignored: player playerctld is off (a mirror of another player); "
                    + "enable it in players.d/playerctld.toml"
            ))
    }

    @Test("a browser and its integration mirror, both enabled, showing the same video: reported once")
    func browserAndMirrorReportedOnce() {
        var run = ScriptedRun(policy: { _ in PlayerPolicy(progressInterval: .seconds(100)) })
        let firefox = Fixtures.player("firefox", busName: "org.mpris.MediaPlayer2.firefox.instance_1_23")
        let mirror = Fixtures.player("plasma-browser-integration", isMirror: true)
        let page = TrackMetadata(title: "Alpha", url: "https://video.example/watch/42", length: .seconds(600))
        let mirrored = TrackMetadata(title: "Alpha", length: .seconds(600))
        run.appear(firefox, PlayerProperties(status: .playing, metadata: page, rate: 1), at: 0)
        run.appear(mirror, PlayerProperties(status: .playing, metadata: mirrored, rate: 1), at: 0.2)
        run.send(.shutdown, at: 10)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" pos=1 dur=600 prog=0.003",
                "10.0 stop S1 pos=10 dur=600 prog=0.017 watched=false threshold=0.9",
            ]
        )
        #expect(
            run.decisions.contains {
                $0.busName == mirror.busName && $0.message == "ignored: already reported through \(firefox.busName)"
            })
    }

    @Test("when the reporting player goes away, the mirror that still plays takes over with a new session")
    func mirrorTakesOver() {
        var run = ScriptedRun(policy: { _ in PlayerPolicy(progressInterval: .seconds(100)) })
        let firefox = Fixtures.player("firefox")
        let mirror = Fixtures.player("kdeconnect", isMirror: true)
        let page = TrackMetadata(title: "Alpha", url: "https://video.example/watch/42", length: .seconds(600))
        run.appear(firefox, PlayerProperties(status: .playing, metadata: page, rate: 1), at: 0)
        run.appear(mirror, PlayerProperties(status: .playing, metadata: page, rate: 1), at: 0.2)
        run.observe(.vanished(busName: firefox.busName), at: 20)
        run.send(.shutdown, at: 30)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" pos=1 dur=600 prog=0.003",
                "20.0 stop S1 pos=20 dur=600 prog=0.033 watched=false threshold=0.9",
                "21.5 start S2 movie \"Alpha\" pos=21 dur=600 prog=0.036",
                "30.0 stop S2 pos=29 dur=600 prog=0.050 watched=false threshold=0.9",
            ]
        )
    }
}
