import MPRIS
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
                "2.6 start S1 movie \"Alpha\" pos=1 dur=600 prog=0.003 file=alpha.mkv",
                "17.6 progress S1 movie \"Alpha\" pos=16 dur=600 prog=0.028 file=alpha.mkv",
                "20.0 stop S1 movie \"Alpha\" pos=19 dur=600 prog=0.032 watched=false threshold=0.9 file=alpha.mkv",
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
                "1.5 start S1 movie \"Alpha\" pos=1 dur=600 prog=0.003 file=alpha.mkv",
                "16.5 progress S1 movie \"Alpha\" pos=16 dur=600 prog=0.028 file=alpha.mkv",
                "31.5 progress S1 movie \"Alpha\" pos=31 dur=600 prog=0.052 file=alpha.mkv",
                "41.5 pause S1 movie \"Alpha\" pos=40 dur=600 prog=0.067 file=alpha.mkv",
                "101.5 resume S1 movie \"Alpha\" pos=41 dur=600 prog=0.069 file=alpha.mkv",
                "116.5 progress S1 movie \"Alpha\" pos=56 dur=600 prog=0.094 file=alpha.mkv",
                "120.0 stop S1 movie \"Alpha\" pos=60 dur=600 prog=0.100 watched=false threshold=0.9 file=alpha.mkv",
            ]
        )
    }
}
