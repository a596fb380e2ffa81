import MediaIdentity
import PlaybackModel
import Scrobbling
import Testing

/// The core with the real `MediaIdentifier` (the default): what real players say about real release names
/// ends up in the events.
@Suite("with the real identifier")
struct RealIdentificationTests {
    static func run(_ metadata: TrackMetadata) -> [String] {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 1000), identify: MediaIdentifier.identify)
        run.appear(
            Fixtures.mpv, PlayerProperties(status: .playing, metadata: metadata, position: .zero, rate: 1), at: 0)
        run.send(.shutdown, at: 10)
        return Transcript.lines(run.events)
    }

    @Test("an episode file from a season folder")
    func episode() {
        let metadata = TrackMetadata(
            title: "The.Expanse.S02E03.1080p.WEB-DL.mkv",
            url: "file:///home/ana/TV/The%20Expanse/Season%202/The.Expanse.S02E03.1080p.WEB-DL.mkv",
            length: .seconds(2700)
        )
        #expect(
            Self.run(metadata) == [
                "1.5 start S1 episode \"The Expanse\" season=2 episode=3 file=The.Expanse.S02E03.1080p.WEB-DL.mkv "
                    + "pos=1 dur=2700 prog=0.001",
                "10.0 stop S1 pos=10 dur=2700 prog=0.004 watched=false threshold=0.9",
            ]
        )
    }

    @Test("a movie with its year, title embedded by the player")
    func movie() {
        let metadata = TrackMetadata(
            title: "Fight Club",
            url: "file:///home/ana/Movies/Fight.Club.1999.1080p.BluRay.x264.mkv",
            length: .seconds(8340)
        )
        #expect(
            Self.run(metadata) == [
                "1.5 start S1 movie \"Fight Club\" year=1999 file=Fight.Club.1999.1080p.BluRay.x264.mkv "
                    + "pos=1 dur=8340 prog=0.000",
                "10.0 stop S1 pos=10 dur=8340 prog=0.001 watched=false threshold=0.9",
            ]
        )
    }

    @Test("a sample file is not reported")
    func sample() {
        var run = ScriptedRun(identify: MediaIdentifier.identify)
        let metadata = TrackMetadata(
            url: "file:///home/ana/Movies/Fight.Club.1999/Sample/fight.club.1999.sample.mkv",
            length: .seconds(400)
        )
        run.appear(
            Fixtures.mpv, PlayerProperties(status: .playing, metadata: metadata, position: .zero, rate: 1), at: 0)
        run.send(.shutdown, at: 10)
        #expect(run.events.isEmpty)
        #expect(
            run.decisions.filter { $0.kind == .ignored }.map(\.message) == [
                "ignored: not a movie or episode: file in an extras folder (Sample)"
            ])
    }
}
