import PlaybackModel
import Scrobbling
import Testing

/// celluloid (no `Seeked`: seeks show as Paused→Playing; no first trackid; bursts at start) and smplayer
/// (`Unknown` status during seeks, decoded as nil; no `Seeked`; emptied `Metadata` first; bare paths).
@Suite("celluloid and smplayer scenarios")
struct CelluloidSmplayerScenarioTests {
    let celluloid = Fixtures.celluloid
    let smplayer = Fixtures.smplayer
    let alpha = TrackMetadata(title: "Alpha", url: "file:///media/videos/alpha.mkv", length: .seconds(600))

    @Test("celluloid: a seek shows as Paused→Playing with a jumped position read: one progress, no pause")
    func celluloidSeekWithoutSeeked() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.appear(celluloid, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.change(celluloid, PlayerProperties(status: .paused, position: .seconds(50)), at: 50)
        run.change(celluloid, PlayerProperties(status: .playing, position: .seconds(300)), at: 50.1)
        run.send(.shutdown, at: 60)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "51.6 progress S1 pos=301 dur=600 prog=0.502",
                "60.0 stop S1 pos=309 dur=600 prog=0.516 watched=false threshold=0.9",
            ]
        )
    }

    @Test("celluloid: a burst of ~20 signals at start gives one start")
    func celluloidStartBurst() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.appear(celluloid, PlayerProperties(status: .stopped), at: 0)
        for index in 0..<20 {
            let time = 1 + Double(index) * 0.02
            let status: PlaybackStatus = index.isMultiple(of: 2) ? .playing : .paused
            run.change(celluloid, PlayerProperties(status: status, metadata: index < 10 ? nil : alpha), at: time)
        }
        run.change(celluloid, PlayerProperties(status: .playing, position: .seconds(0.4)), at: 1.4)
        run.send(.shutdown, at: 10)
        #expect(
            Transcript.lines(run.events) == [
                "2.9 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "10.0 stop S1 pos=9 dur=600 prog=0.015 watched=false threshold=0.9",
            ]
        )
    }

    @Test("smplayer: the Unknown status during a seek decodes as nil; the jumped position read is the seek")
    func smplayerUnknownStatusDuringSeek() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        let bare = TrackMetadata(title: "Alpha", url: "/home/ana/Videos/alpha.mkv", length: .seconds(600))
        run.appear(smplayer, PlayerProperties(status: .playing, metadata: bare, position: .zero, rate: 1), at: 0)
        run.change(smplayer, PlayerProperties(status: nil, position: .seconds(200)), at: 30)
        run.change(smplayer, PlayerProperties(status: .playing, position: .seconds(200.2)), at: 30.2)
        run.send(.shutdown, at: 40)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "31.5 progress S1 pos=201 dur=600 prog=0.336",
                "40.0 stop S1 pos=210 dur=600 prog=0.350 watched=false threshold=0.9",
            ]
        )
    }

    @Test("smplayer: Metadata emptied to {} and sent again is neither a stop nor a restart")
    func smplayerEmptiedMetadata() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.appear(smplayer, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.change(smplayer, PlayerProperties(metadata: TrackMetadata()), at: 50)
        run.change(smplayer, PlayerProperties(metadata: alpha), at: 50.05)
        run.send(.shutdown, at: 60)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "60.0 stop S1 pos=60 dur=600 prog=0.100 watched=false threshold=0.9",
            ]
        )
    }
}
