import PlaybackModel
import Scrobbling
import Testing

/// Quirks of other players (mpd re-sending unchanged `Metadata`, audacious's constant track id, doubled
/// signals) and nonsense values, which must neither produce events nor crash.
@Suite("other players and bad input")
struct OtherPlayersScenarioTests {
    let alpha = Fixtures.item("alpha.mkv", title: "Alpha")
    let everyPlayer: @Sendable (PlayerInfo) -> PlayerPolicy = { _ in PlayerPolicy(progressInterval: .seconds(100)) }

    @Test("unchanged Metadata re-sent on every action (mpd) and doubled signals change nothing")
    func unchangedMetadataResent() {
        var run = ScriptedRun(policy: everyPlayer)
        let mpd = Fixtures.player("mpd")
        run.appear(mpd, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.change(mpd, PlayerProperties(status: .paused, metadata: alpha, position: .seconds(20)), at: 20)
        run.change(mpd, PlayerProperties(status: .paused, metadata: alpha), at: 20.01)
        run.change(mpd, PlayerProperties(status: .playing, metadata: alpha, position: .seconds(20)), at: 30)
        run.change(mpd, PlayerProperties(metadata: alpha), at: 35)
        run.send(.shutdown, at: 40)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "21.5 pause S1 pos=20 dur=600 prog=0.033",
                "31.5 resume S1 pos=21 dur=600 prog=0.036",
                "40.0 stop S1 pos=30 dur=600 prog=0.050 watched=false threshold=0.9",
            ]
        )
    }

    @Test("the same track id for every track (audacious) still tells items apart by URL")
    func constantTrackID() {
        var run = ScriptedRun(policy: everyPlayer)
        let audacious = Fixtures.player("audacious")
        let beta = Fixtures.item("beta.mkv", title: "Beta")
        run.appear(audacious, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.change(audacious, PlayerProperties(metadata: beta), at: 30)
        run.send(.shutdown, at: 40)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "31.5 stop S1 pos=30 dur=600 prog=0.050 watched=false threshold=0.9",
                "31.5 start S2 movie \"Beta\" file=beta.mkv pos=1 dur=600 prog=0.003",
                "40.0 stop S2 pos=10 dur=600 prog=0.017 watched=false threshold=0.9",
            ]
        )
    }

    @Test("nonsense values: huge title, zero length, negative seek, NaN rate, absurd position")
    func nonsense() {
        var run = ScriptedRun(policy: everyPlayer)
        let huge = String(repeating: "A", count: 100_000)
        let odd = TrackMetadata(title: huge, url: "file:///m/odd.mkv", length: .zero)
        run.appear(Fixtures.mpv, PlayerProperties(status: .playing, metadata: odd, position: .zero, rate: .nan), at: 0)
        run.seek(Fixtures.mpv, to: -50, at: 10)
        run.change(Fixtures.mpv, PlayerProperties(position: .seconds(Int64.max / 2)), at: 20)
        run.send(.shutdown, at: 30)
        let lines = Transcript.lines(run.events)
        #expect(lines.count == 4)
        #expect(run.events.allSatisfy { $0.payload.title?.count == 500 })
        #expect(lines.last == "30.0 stop S1 pos=2147483647 watched=false threshold=0.9")
        #expect(run.decisions.allSatisfy { $0.message.count < 400 })
    }
}
