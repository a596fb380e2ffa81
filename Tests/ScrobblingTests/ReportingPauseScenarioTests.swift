import PlaybackModel
import Scrobbling
import Testing

/// The user pauses all reporting (private mode): open sessions stop at that moment, nothing at all is reported
/// while the pause lasts whatever the players do, and when it ends — by `resumeReporting`, or when the wall
/// clock reaches its end — playback that goes on gets a new session, as after wake.
@Suite("pausing reporting")
struct ReportingPauseScenarioTests {
    let mpv = Fixtures.mpv
    let vlc = Fixtures.vlc
    let alpha = Fixtures.item("alpha.mkv", title: "Alpha")
    let beta = Fixtures.item("beta.mkv", title: "Beta")
    let gamma = Fixtures.item("gamma.mkv", title: "Gamma")

    /// A run in which mpv plays Alpha from the start at 0: its `start` is out at 1.5 s.
    func playingAlpha() -> ScriptedRun {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        return run
    }

    @Test("pausing stops the open session at that moment, with the position reached; nothing follows")
    func pauseStopsOpenSession() {
        var run = playingAlpha()
        run.pauseReporting(for: nil, at: 40)
        run.wait(until: 1000)
        run.send(.shutdown, at: 1000)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "40.0 stop S1 pos=40 dur=600 prog=0.067 watched=false threshold=0.9",
            ]
        )
        #expect(run.decisions.map(\.description).contains("reporting paused: until resumed"))
        #expect(run.decisions.map(\.description).contains("org.mpris.MediaPlayer2.mpv: stop: reporting paused"))
    }

    @Test("while paused nothing is reported through pause, play, seek, a new track, players vanishing and appearing")
    func nothingReportedWhilePaused() {
        var run = playingAlpha()
        run.pauseReporting(for: nil, at: 10)
        run.change(mpv, PlayerProperties(status: .paused, position: .seconds(20)), at: 20)
        run.change(mpv, PlayerProperties(status: .playing, position: .seconds(20)), at: 30)
        run.seek(mpv, to: 100, at: 40)
        run.change(mpv, PlayerProperties(metadata: beta, position: .zero), at: 50)
        run.appear(vlc, PlayerProperties(status: .playing, metadata: gamma, position: .zero, rate: 1), at: 60)
        run.observe(.vanished(busName: vlc.busName), at: 70)
        run.appear(vlc, PlayerProperties(status: .playing, metadata: gamma, position: .zero, rate: 1), at: 80)
        run.wait(until: 200)
        #expect(run.events.count == 2)
        #expect(run.scrobbler.hasOpenSessions == false)
        // The trackers followed their players: what plays now is reported from where it is now.
        run.send(.resumeReporting, at: 200)
        run.send(.shutdown, at: 210)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "10.0 stop S1 pos=10 dur=600 prog=0.017 watched=false threshold=0.9",
                "201.5 start S2 movie \"Beta\" file=beta.mkv pos=151 dur=600 prog=0.253",
                "201.5 start S3 movie \"Gamma\" file=gamma.mkv pos=121 dur=600 prog=0.203",
                "210.0 stop S2 pos=160 dur=600 prog=0.267 watched=false threshold=0.9",
                "210.0 stop S3 pos=130 dur=600 prog=0.217 watched=false threshold=0.9",
            ]
        )
    }

    @Test("a timed pause ends on time: the item still playing settles and gets a fresh session")
    func timedPauseEndsOnTime() {
        var run = playingAlpha()
        run.pauseReporting(for: 60, at: 10)
        #expect(run.scrobbler.nextDeadline == .seconds(70))
        run.wait(until: 69.9)
        #expect(run.events.count == 2)
        run.send(.shutdown, at: 80)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "10.0 stop S1 pos=10 dur=600 prog=0.017 watched=false threshold=0.9",
                "71.5 start S2 movie \"Alpha\" file=alpha.mkv pos=71 dur=600 prog=0.119",
                "80.0 stop S2 pos=80 dur=600 prog=0.133 watched=false threshold=0.9",
            ]
        )
        #expect(
            run.decisions.map(\.description).contains("reporting resumed: the pause ended; players settle again")
        )
    }

    @Test("a long pause looks at the wall clock every minute and ends when it reaches the end")
    func longPauseEndsOnTime() {
        var run = playingAlpha()
        run.pauseReporting(for: 150, at: 10)
        #expect(run.scrobbler.nextDeadline == .seconds(70))
        run.wait(until: 159)
        #expect(run.events.count == 2)
        #expect(run.scrobbler.nextDeadline == .seconds(160))
        run.send(.shutdown, at: 170)
        #expect(run.events.map(\.action) == [.start, .stop, .start, .stop])
        #expect(run.events[2].payload.eventCreatedAt == ScriptedRun.wallClockOrigin + 161_500)
    }

    @Test("resuming explicitly starts a fresh session for what plays; resuming when not paused changes nothing")
    func explicitResume() {
        var run = playingAlpha()
        run.send(.resumeReporting, at: 5)
        run.pauseReporting(for: nil, at: 10)
        run.wait(until: 300)
        #expect(run.events.count == 2)
        run.send(.resumeReporting, at: 300)
        run.send(.shutdown, at: 310)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "10.0 stop S1 pos=10 dur=600 prog=0.017 watched=false threshold=0.9",
                "301.5 start S2 movie \"Alpha\" file=alpha.mkv pos=301 dur=600 prog=0.502",
                "310.0 stop S2 pos=310 dur=600 prog=0.517 watched=false threshold=0.9",
            ]
        )
        #expect(run.decisions.map(\.description).contains("ignored: reporting is not paused"))
    }

    @Test("a player paused during the pause is not reported after it; it starts once it plays")
    func pausedPlayerAfterResume() {
        var run = playingAlpha()
        run.pauseReporting(for: nil, at: 10)
        run.change(mpv, PlayerProperties(status: .paused, position: .seconds(20)), at: 20)
        run.send(.resumeReporting, at: 30)
        run.wait(until: 100)
        run.change(mpv, PlayerProperties(status: .playing, position: .seconds(20)), at: 100)
        run.send(.shutdown, at: 110)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "10.0 stop S1 pos=10 dur=600 prog=0.017 watched=false threshold=0.9",
                "101.5 start S2 movie \"Alpha\" file=alpha.mkv pos=21 dur=600 prog=0.036",
                "110.0 stop S2 pos=30 dur=600 prog=0.050 watched=false threshold=0.9",
            ]
        )
    }

    @Test("paused, then sleep and wake: reporting stays paused until resumed")
    func pauseSleepWake() {
        var run = playingAlpha()
        run.pauseReporting(for: nil, at: 10)
        run.send(.sleep, at: 20)
        run.send(.wake, at: 100)
        run.wait(until: 200)
        #expect(run.events.count == 2)
        #expect(run.decisions.map(\.description).contains("woke up: reporting stays paused"))
        run.send(.resumeReporting, at: 200)
        run.send(.shutdown, at: 210)
        #expect(run.events.map(\.action) == [.start, .stop, .start, .stop])
        #expect(run.events[2].payload.eventCreatedAt == ScriptedRun.wallClockOrigin + 201_500)
    }

    @Test("asleep, then paused, then wake: nothing until resumed")
    func sleepPauseWake() {
        var run = playingAlpha()
        run.send(.sleep, at: 10)
        run.pauseReporting(for: nil, at: 20)
        run.send(.wake, at: 30)
        run.wait(until: 100)
        #expect(run.events.map(\.action) == [.start, .stop])
        run.send(.resumeReporting, at: 100)
        run.send(.shutdown, at: 110)
        #expect(run.events.map(\.action) == [.start, .stop, .start, .stop])
        #expect(run.events[2].payload.eventCreatedAt == ScriptedRun.wallClockOrigin + 101_500)
    }

    @Test("a timed pause that ends while asleep: reporting resumes, and playback starts again after wake")
    func pauseEndsWhileAsleep() {
        var run = playingAlpha()
        run.pauseReporting(for: 30, at: 10)
        run.send(.sleep, at: 20)
        run.wait(until: 100)
        #expect(run.decisions.map(\.description).contains("reporting resumed: the pause ended; players settle again"))
        #expect(run.events.map(\.action) == [.start, .stop])
        run.send(.wake, at: 100)
        run.send(.shutdown, at: 110)
        #expect(run.events.map(\.action) == [.start, .stop, .start, .stop])
        #expect(run.events[2].payload.eventCreatedAt == ScriptedRun.wallClockOrigin + 101_500)
    }

    @Test("resumed while asleep: nothing is reported before wake")
    func resumeWhileAsleep() {
        var run = playingAlpha()
        run.pauseReporting(for: nil, at: 10)
        run.send(.sleep, at: 20)
        run.send(.resumeReporting, at: 30)
        run.wait(until: 100)
        #expect(run.events.map(\.action) == [.start, .stop])
        run.send(.wake, at: 100)
        run.wait(until: 102)
        #expect(run.events.map(\.action) == [.start, .stop, .start])
    }

    @Test("shutdown while paused sends nothing")
    func shutdownWhilePaused() {
        var run = playingAlpha()
        run.appear(vlc, PlayerProperties(status: .paused, metadata: beta, position: .zero, rate: 1), at: 0)
        run.pauseReporting(for: 3600, at: 10)
        run.change(vlc, PlayerProperties(status: .playing), at: 20)
        run.wait(until: 30)
        let before = run.events.count
        run.send(.shutdown, at: 30)
        #expect(run.events.count == before)
        #expect(run.events.map(\.action) == [.start, .stop])
        #expect(run.scrobbler.hasOpenSessions == false)
    }

    @Test("sessions the last run left open are closed by a pause, and at once when handed over while paused")
    func inheritedSessionsClosed() {
        var first = playingAlpha()
        first.wait(until: 2)
        var last = first.events[0]
        last.payload.playbackSessionID = "left open"
        last.payload.eventID = "last event of the last run"
        last.payload.eventCreatedAt -= 3_600_000
        let leftOpen = InheritedSession(lastEvent: last)

        var pausedAfterwards = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        pausedAfterwards.send(.inherit([leftOpen]), at: 0)
        pausedAfterwards.pauseReporting(for: nil, at: 1)
        #expect(pausedAfterwards.events.map(\.action) == [.stop])
        #expect(pausedAfterwards.events.map(\.payload.playbackSessionID) == ["left open"])

        var handedOverWhilePaused = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        handedOverWhilePaused.pauseReporting(for: nil, at: 0)
        handedOverWhilePaused.send(.inherit([leftOpen]), at: 0.1)
        #expect(handedOverWhilePaused.events.map(\.action) == [.stop])
        // Its item playing on does not continue it while reporting is paused.
        handedOverWhilePaused.appear(
            mpv,
            PlayerProperties(status: .playing, metadata: alpha, position: .seconds(2), rate: 1),
            at: 0.2
        )
        handedOverWhilePaused.wait(until: 100)
        #expect(handedOverWhilePaused.scrobbler.hasOpenSessions == false)
        handedOverWhilePaused.send(.shutdown, at: 100)
        #expect(handedOverWhilePaused.events.map(\.action) == [.stop])
    }

    @Test("the wall clock jumps past the end (a suspend): reporting resumes at the next input")
    func wallClockJumpsAhead() {
        var run = playingAlpha()
        run.pauseReporting(for: 600, at: 10)
        // Suspended for an hour: uptime, which stands still while suspended, lags the wall clock.
        run.shiftWallClock(by: 3600, at: 20)
        run.change(mpv, PlayerProperties(position: .seconds(20)), at: 20)
        run.send(.shutdown, at: 30)
        #expect(run.events.map(\.action) == [.start, .stop, .start, .stop])
        #expect(run.events[2].payload.eventCreatedAt == ScriptedRun.wallClockOrigin + 3_621_500)
        #expect(run.events[2].payload.positionSeconds == 21)
    }

    @Test("the wall clock jumps past the end with no input: the minute's look at the clock ends the pause")
    func wallClockJumpsAheadSilently() {
        var run = playingAlpha()
        run.pauseReporting(for: 600, at: 10)
        run.shiftWallClock(by: 3600, at: 20)
        run.send(.shutdown, at: 80)
        #expect(run.events.map(\.action) == [.start, .stop, .start, .stop])
        #expect(run.events[2].payload.eventCreatedAt == ScriptedRun.wallClockOrigin + 3_671_500)
    }

    @Test("pausing again replaces the end: later, sooner, or until resumed")
    func pauseReplaced() {
        var later = playingAlpha()
        later.pauseReporting(for: 60, at: 10)
        later.pauseReporting(for: 300, at: 30)
        later.wait(until: 300)
        #expect(later.events.count == 2)
        #expect(later.decisions.map(\.description).contains("reporting paused: now for 300 s"))
        later.send(.shutdown, at: 340)
        #expect(later.events[2].payload.eventCreatedAt == ScriptedRun.wallClockOrigin + 331_500)

        var sooner = playingAlpha()
        sooner.pauseReporting(for: 600, at: 10)
        sooner.pauseReporting(for: 10, at: 20)
        sooner.send(.shutdown, at: 40)
        #expect(sooner.events[2].payload.eventCreatedAt == ScriptedRun.wallClockOrigin + 31_500)

        var indefinitely = playingAlpha()
        indefinitely.pauseReporting(for: 60, at: 10)
        indefinitely.pauseReporting(for: nil, at: 20)
        #expect(indefinitely.scrobbler.nextDeadline == nil)
        indefinitely.wait(until: 3600)
        indefinitely.send(.shutdown, at: 3600)
        #expect(indefinitely.events.map(\.action) == [.start, .stop])
    }

    @Test("a pause whose end has passed already pauses nothing, and ends a pause that is on")
    func pauseEndingInThePast() {
        var run = playingAlpha()
        run.pauseReporting(for: -5, at: 10)
        #expect(run.decisions.map(\.description).contains("ignored: a pause of reporting that has ended already"))
        #expect(run.events.map(\.action) == [.start])
        run.pauseReporting(for: nil, at: 20)
        run.pauseReporting(for: -5, at: 30)
        run.send(.shutdown, at: 40)
        #expect(
            run.decisions.map(\.description).contains(
                "reporting resumed: the new end has passed already; players settle again"
            )
        )
        #expect(run.events.map(\.action) == [.start, .stop, .start, .stop])
        #expect(run.events[2].payload.eventCreatedAt == ScriptedRun.wallClockOrigin + 31_500)
    }
}
