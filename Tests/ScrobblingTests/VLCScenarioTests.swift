import PlaybackModel
import Scrobbling
import Testing

/// VLC 3.0 as recorded in `shared/mpris-players.md`: two `Seeked` per seek, a spurious `Seeked` on resume,
/// a transient `Stopped` between tracks, no `xesam:title` for untagged files, `Metadata` kept on stop.
@Suite("VLC scenarios")
struct VLCScenarioTests {
    let vlc = Fixtures.vlc
    /// An untagged file: VLC sends the URL and no title.
    let gamma = TrackMetadata(
        trackID: "/org/videolan/vlc/playlist/3", url: "file:///media/videos/gamma.mkv",
        length: .seconds(900))

    @Test("a seek sends two Seeked (target, then actual 250 ms later): one progress, the second only re-anchors")
    func doubleSeeked() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.appear(vlc, PlayerProperties(status: .playing, metadata: gamma, position: .zero, rate: 1), at: 0)
        run.seek(vlc, to: 300, at: 40)
        run.seek(vlc, to: 300.25, at: 40.25)
        run.send(.shutdown, at: 50)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"gamma\" file=gamma.mkv pos=1 dur=900 prog=0.002",
                "41.5 progress S1 pos=301 dur=900 prog=0.335",
                "50.0 stop S1 pos=310 dur=900 prog=0.344 watched=false threshold=0.9",
            ]
        )
    }

    @Test("the spurious Seeked on resume is not a seek: just one resume")
    func spuriousSeekedOnResume() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.appear(vlc, PlayerProperties(status: .playing, metadata: gamma, position: .zero, rate: 1), at: 0)
        run.change(vlc, PlayerProperties(status: .paused, position: .seconds(60)), at: 60)
        run.change(vlc, PlayerProperties(status: .playing, position: .seconds(60)), at: 90)
        run.seek(vlc, to: 60.05, at: 90.05)
        run.send(.shutdown, at: 100)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"gamma\" file=gamma.mkv pos=1 dur=900 prog=0.002",
                "61.5 pause S1 pos=60 dur=900 prog=0.067",
                "91.5 resume S1 pos=61 dur=900 prog=0.068",
                "100.0 stop S1 pos=70 dur=900 prog=0.078 watched=false threshold=0.9",
            ]
        )
    }

    @Test("the transient Stopped between tracks gives one stop of the old item and one start of the new")
    func transientStoppedBetweenTracks() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.appear(vlc, PlayerProperties(status: .playing, metadata: gamma, position: .zero, rate: 1), at: 0)
        let delta = TrackMetadata(
            trackID: "/org/videolan/vlc/playlist/4", url: "file:///media/videos/delta.mkv",
            length: .seconds(1800))
        run.change(vlc, PlayerProperties(status: .stopped, position: .zero), at: 120.0)
        run.change(vlc, PlayerProperties(status: .playing, metadata: delta, position: .zero), at: 120.15)
        run.seek(vlc, to: 0.24, at: 120.39)
        run.send(.shutdown, at: 130)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"gamma\" file=gamma.mkv pos=1 dur=900 prog=0.002",
                "101.5 progress S1 pos=101 dur=900 prog=0.113",
                "121.65 stop S1 pos=120 dur=900 prog=0.133 watched=false threshold=0.9",
                "121.65 start S2 movie \"delta\" file=delta.mkv pos=1 dur=1800 prog=0.001",
                "130.0 stop S2 pos=9 dur=1800 prog=0.005 watched=false threshold=0.9",
            ]
        )
    }

    @Test("Stop keeps Metadata: one stop; Play later (Metadata twice) is a new session of the same file")
    func stopThenPlayAgain() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.appear(vlc, PlayerProperties(status: .playing, metadata: gamma, position: .zero, rate: 1), at: 0)
        run.change(vlc, PlayerProperties(status: .stopped, position: .zero), at: 30)
        run.change(vlc, PlayerProperties(metadata: gamma, position: .zero), at: 200)
        run.change(vlc, PlayerProperties(status: .playing, metadata: gamma, position: .zero), at: 200.1)
        run.send(.shutdown, at: 210)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"gamma\" file=gamma.mkv pos=1 dur=900 prog=0.002",
                "31.5 stop S1 pos=30 dur=900 prog=0.033 watched=false threshold=0.9",
                "201.6 start S2 movie \"gamma\" file=gamma.mkv pos=1 dur=900 prog=0.002",
                "210.0 stop S2 pos=9 dur=900 prog=0.011 watched=false threshold=0.9",
            ]
        )
    }

    @Test("Previous sends Metadata twice, the first still the old track: one stop and one start")
    func previousSendsMetadataTwice() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        let delta = TrackMetadata(
            trackID: "/org/videolan/vlc/playlist/4", url: "file:///media/videos/delta.mkv",
            length: .seconds(1800))
        run.appear(vlc, PlayerProperties(status: .playing, metadata: delta, position: .zero, rate: 1), at: 0)
        run.change(vlc, PlayerProperties(status: .stopped, position: .zero), at: 50)
        run.change(vlc, PlayerProperties(status: .playing, metadata: delta, position: .zero), at: 50.1)
        run.change(vlc, PlayerProperties(metadata: gamma, position: .zero), at: 50.2)
        run.send(.shutdown, at: 60)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"delta\" file=delta.mkv pos=1 dur=1800 prog=0.001",
                "51.7 stop S1 pos=50 dur=1800 prog=0.028 watched=false threshold=0.9",
                "51.7 start S2 movie \"gamma\" file=gamma.mkv pos=1 dur=900 prog=0.002",
                "60.0 stop S2 pos=9 dur=900 prog=0.011 watched=false threshold=0.9",
            ]
        )
    }
}
