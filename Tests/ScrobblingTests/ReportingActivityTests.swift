import MediaIdentity
import PlaybackModel
import Scrobbling
import Testing

/// The live view of what is being reported: per player what it plays as identified, where it was last seen,
/// and whether it is reported, settling, not reported (and why) or paused. It changes only when something
/// happened, never by time passing alone.
@Suite("the live view of reporting")
struct ReportingActivityTests {
    let mpv = Fixtures.mpv
    let alpha = Fixtures.item("alpha.mkv", title: "Alpha")

    func mpvActivity(
        status: PlaybackStatus = .playing,
        positionSeconds: Int,
        sessionID: String? = nil,
        state: PlayerActivity.State
    ) -> PlayerActivity {
        PlayerActivity(
            busName: mpv.busName,
            playerName: "mpv",
            status: status,
            title: "Alpha",
            mediaType: .movie,
            positionSeconds: positionSeconds,
            lengthSeconds: 600,
            sessionID: sessionID,
            state: state
        )
    }

    @Test("settling, then reporting with the session id; the position is the last one told, not extrapolated")
    func settlingThenReporting() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 15))
        #expect(run.scrobbler.activity == ReportingActivity())
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .seconds(30), rate: 1), at: 0)
        #expect(run.scrobbler.activity.players == [mpvActivity(positionSeconds: 30, state: .settling)])
        run.wait(until: 1.5)
        let reporting = run.scrobbler.activity
        #expect(reporting.players == [mpvActivity(positionSeconds: 30, sessionID: "id-1", state: .reporting)])
        run.wait(until: 100)
        #expect(run.events.map(\.action) == [.start, .progress, .progress, .progress, .progress, .progress, .progress])
        #expect(run.scrobbler.activity == reporting)
        run.change(mpv, PlayerProperties(status: .paused, position: .seconds(130)), at: 100)
        #expect(
            run.scrobbler.activity.players == [
                mpvActivity(status: .paused, positionSeconds: 130, sessionID: "id-1", state: .reporting)
            ]
        )
    }

    @Test("players not reported say why: switched off, too short, not media, not playing, shown elsewhere")
    func notReportedReasons() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        let firefox = Fixtures.player("firefox")
        let playing = { (item: TrackMetadata) in
            PlayerProperties(status: .playing, metadata: item, position: .seconds(5), rate: 1)
        }
        run.appear(mpv, playing(alpha), at: 0)
        run.appear(Fixtures.celluloid, playing(alpha), at: 2)
        run.appear(firefox, playing(alpha), at: 2)
        run.appear(Fixtures.smplayer, PlayerProperties(status: .paused, metadata: alpha, rate: 1), at: 2)
        run.appear(Fixtures.vlc, playing(Fixtures.item("trailer.mkv", minutes: 1)), at: 2)
        run.appear(Fixtures.player("totem"), playing(Fixtures.item("a song.mp4")), at: 2)
        run.wait(until: 10)
        let expected: [PlayerActivity] = [
            PlayerActivity(
                busName: Fixtures.celluloid.busName,
                playerName: "celluloid",
                status: .playing,
                title: "Alpha",
                mediaType: .movie,
                positionSeconds: 5,
                lengthSeconds: 600,
                state: .notReported(reason: "already reported through org.mpris.MediaPlayer2.mpv")
            ),
            PlayerActivity(
                busName: firefox.busName,
                playerName: "firefox",
                state: .notReported(
                    reason: "player firefox is off (a browser); enable it in players.d/firefox.toml"
                )
            ),
            mpvActivity(positionSeconds: 5, sessionID: "id-1", state: .reporting),
            PlayerActivity(
                busName: Fixtures.smplayer.busName,
                playerName: "smplayer",
                status: .paused,
                title: "Alpha",
                mediaType: .movie,
                positionSeconds: 0,
                lengthSeconds: 600,
                state: .notReported(reason: "not playing")
            ),
            PlayerActivity(
                busName: Fixtures.player("totem").busName,
                playerName: "totem",
                status: .playing,
                positionSeconds: 5,
                lengthSeconds: 600,
                state: .notReported(reason: "not a movie or episode: looks like music")
            ),
            PlayerActivity(
                busName: Fixtures.vlc.busName,
                playerName: "vlc",
                status: .playing,
                title: "trailer",
                mediaType: .movie,
                positionSeconds: 5,
                lengthSeconds: 60,
                state: .notReported(reason: "duration 60 s below 300 s")
            ),
        ]
        #expect(run.scrobbler.activity.players == expected)
        #expect(run.scrobbler.activity.isPaused == false)
    }

    @Test("an episode shows its show, season and episode")
    func episode() {
        let identify: @Sendable (MediaHints) -> IdentificationResult = { _ in
            .media(
                Identification(mediaType: .episode, title: "Show", season: 2, episode: 5, confidence: 1, reasons: []))
        }
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100), identify: identify)
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.wait(until: 2)
        let player = run.scrobbler.activity.players.first
        #expect(player?.title == "Show")
        #expect(player?.mediaType == .episode)
        #expect(player?.season == 2)
        #expect(player?.episode == 5)
    }

    @Test("while reporting is paused every followed player shows it, with the end; resuming settles them again")
    func pausedAndResumed() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.pauseReporting(for: 60, at: 10)
        #expect(
            run.scrobbler.activity
                == ReportingActivity(
                    pausedUntilWallClockMillis: ScriptedRun.wallClockOrigin + 70_000,
                    isPaused: true,
                    players: [mpvActivity(positionSeconds: 0, state: .reportingPaused)]
                )
        )
        run.seek(mpv, to: 200, at: 20)
        #expect(run.scrobbler.activity.players == [mpvActivity(positionSeconds: 200, state: .reportingPaused)])
        run.wait(until: 70)
        #expect(
            run.scrobbler.activity == ReportingActivity(players: [mpvActivity(positionSeconds: 200, state: .settling)]))
        run.wait(until: 71.5)
        #expect(
            run.scrobbler.activity.players == [mpvActivity(positionSeconds: 200, sessionID: "id-4", state: .reporting)])
    }

    @Test("asleep, players are not reported")
    func asleep() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.send(.sleep, at: 10)
        #expect(
            run.scrobbler.activity.players == [
                mpvActivity(positionSeconds: 10, state: .notReported(reason: "the machine is asleep"))
            ]
        )
    }
}
