import PlaybackModel
import Scrobbling
import Testing

/// A run of the agent that crashed left sessions open: the next run continues the one whose item is still
/// playing, with its id and its played time, and closes the others with one `stop` at their last known
/// position once the claim window has passed.
@Suite("sessions left open by a crashed run")
struct ContinuationScenarioTests {
    let mpv = Fixtures.mpv
    let alpha = Fixtures.item("alpha.mkv", title: "Alpha")
    let beta = Fixtures.item("beta.mkv", title: "Beta")

    /// The last event a first run queued for Alpha after playing it from the start for `seconds`, with a
    /// `pause` at the end when `paused`; the run then dies without a stop. It ran an hour before the
    /// scripted run that inherits its session.
    func crashedRun(playing seconds: Double, paused: Bool = false) -> PlaybackEvent {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 15))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        if paused {
            run.change(mpv, PlayerProperties(status: .paused, position: .seconds(seconds)), at: seconds)
        }
        run.wait(until: seconds + 2)
        #expect(!run.events.contains { $0.action == .stop })
        var last = run.events.last!
        last.payload.eventCreatedAt -= 3_600_000
        last.payload.playbackSessionID = "session-of-the-crashed-run"
        last.payload.eventID = "last-event-of-the-crashed-run"
        return last
    }

    @Test("the same item still playing continues the session: no second start, the played time carries over")
    func sameItemContinues() throws {
        let last = crashedRun(playing: 100)
        #expect(last.action == .progress)
        #expect(last.checkpoint == SessionCheckpoint(playedMilliseconds: 90_000, watchedThreshold: 0.9))
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 15))
        run.send(.inherit([InheritedSession(lastEvent: last)]), at: 0)
        // The user skipped to near the end while the agent was down: 53 s are played in this run, under the
        // 60 s (10 %) a watch needs on its own; with the 90 s of the first run it counts.
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .seconds(545), rate: 1), at: 0.2)
        run.send(.shutdown, at: 55)
        #expect(
            Transcript.lines(run.events) == [
                "1.7 progress S1 movie \"Alpha\" file=alpha.mkv pos=546 dur=600 prog=0.911",
                "16.7 progress S1 pos=561 dur=600 prog=0.936",
                "31.7 progress S1 pos=576 dur=600 prog=0.961",
                "46.7 progress S1 pos=591 dur=600 prog=0.986",
                "55.0 stop S1 pos=600 dur=600 prog=1.000 watched=true threshold=0.9",
            ]
        )
        #expect(run.events.allSatisfy { $0.payload.playbackSessionID == last.payload.playbackSessionID })
        #expect(run.events.allSatisfy { $0.payload.eventCreatedAt > last.payload.eventCreatedAt })
        // 90 s before the crash, 53.3 s from the continuation at 1.7 s to the stop.
        #expect(run.events.last?.checkpoint?.playedMilliseconds == 143_300)
        #expect(run.decisions.contains { $0.kind == .continue && $0.detail.hasPrefix("movie \"Alpha\"") })
    }

    @Test("without the carried played time the same end would not count: the rule really uses it")
    func playedTimeMatters() {
        var last = crashedRun(playing: 100)
        last.checkpoint = nil
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.send(.inherit([InheritedSession(lastEvent: last)]), at: 0)
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .seconds(545), rate: 1), at: 0.2)
        run.send(.shutdown, at: 55)
        #expect(
            Transcript.lines(run.events) == [
                "1.7 progress S1 movie \"Alpha\" file=alpha.mkv pos=546 dur=600 prog=0.911",
                "55.0 stop S1 pos=600 dur=600 prog=1.000 watched=false threshold=0.9",
            ]
        )
    }

    @Test("a session paused when the agent died gets a resume when its item plays again")
    func pausedSessionResumes() {
        let last = crashedRun(playing: 40, paused: true)
        #expect(last.action == .pause)
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.send(.inherit([InheritedSession(lastEvent: last)]), at: 0)
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .seconds(40), rate: 1), at: 0)
        run.send(.shutdown, at: 10)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 resume S1 movie \"Alpha\" file=alpha.mkv pos=41 dur=600 prog=0.069",
                "10.0 stop S1 pos=50 dur=600 prog=0.083 watched=false threshold=0.9",
            ]
        )
        #expect(run.events.first?.payload.playbackSessionID == last.payload.playbackSessionID)
    }

    @Test("nothing playing: once the claim window has passed the session is stopped where it was last seen")
    func nothingPlayingCloses() {
        let last = crashedRun(playing: 100)
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.send(.inherit([InheritedSession(lastEvent: last)]), at: 0)
        #expect(run.scrobbler.hasOpenSessions)
        #expect(run.scrobbler.nextDeadline == .seconds(10))
        run.wait(until: 9.9)
        #expect(run.events.isEmpty)
        run.wait(until: 10)
        #expect(run.events.map(\.action) == [.stop])
        let stop = run.events[0]
        #expect(stop.payload.playbackSessionID == last.payload.playbackSessionID)
        #expect(stop.payload.eventID != last.payload.eventID)
        #expect(stop.payload.eventCreatedAt > last.payload.eventCreatedAt)
        #expect(stop.payload.positionSeconds == last.payload.positionSeconds)
        #expect(stop.payload.title == "Alpha")
        #expect(stop.payload.watched == false)
        #expect(stop.payload.watchedThreshold == 0.9)
        #expect(!run.scrobbler.hasOpenSessions)
        #expect(run.scrobbler.nextDeadline == nil)
    }

    @Test("a session last seen within 3 s of the end is closed at the end, watched when it was really played")
    func closedNearTheEnd() {
        var last = crashedRun(playing: 100)
        last.payload.positionSeconds = 598
        last.payload.progress = 598.0 / 600
        var run = ScriptedRun()
        run.send(.inherit([InheritedSession(lastEvent: last)]), at: 0)
        run.wait(until: 10)
        let stop = run.events.first
        #expect(stop?.action == .stop)
        #expect(stop?.payload.positionSeconds == 600)
        #expect(stop?.payload.progress == 1)
        #expect(stop?.payload.watched == true)
    }

    @Test("another item playing starts its own session; the old one is stopped when the window ends")
    func otherItemPlaying() {
        let last = crashedRun(playing: 100)
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.send(.inherit([InheritedSession(lastEvent: last)]), at: 0)
        run.appear(mpv, PlayerProperties(status: .playing, metadata: beta, position: .zero, rate: 1), at: 0)
        run.send(.shutdown, at: 20)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 movie \"Beta\" file=beta.mkv pos=1 dur=600 prog=0.003",
                "11.5 stop S2 movie \"Alpha\" file=alpha.mkv pos=91 dur=600 prog=0.152 watched=false threshold=0.9",
                "20.0 stop S1 pos=20 dur=600 prog=0.033 watched=false threshold=0.9",
            ]
        )
        #expect(run.events[1].payload.playbackSessionID == last.payload.playbackSessionID)
    }

    @Test("the item paused on screen is not continued: the session is stopped, and playing later starts anew")
    func pausedOnScreen() {
        let last = crashedRun(playing: 100)
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.send(.inherit([InheritedSession(lastEvent: last)]), at: 0)
        run.appear(mpv, PlayerProperties(status: .paused, metadata: alpha, position: .seconds(101), rate: 1), at: 0)
        run.change(mpv, PlayerProperties(status: .playing, position: .seconds(101)), at: 30)
        run.send(.shutdown, at: 40)
        #expect(
            Transcript.lines(run.events) == [
                "11.5 stop S1 movie \"Alpha\" file=alpha.mkv pos=91 dur=600 prog=0.152 watched=false threshold=0.9",
                "31.5 start S2 movie \"Alpha\" file=alpha.mkv pos=102 dur=600 prog=0.171",
                "40.0 stop S2 pos=111 dur=600 prog=0.185 watched=false threshold=0.9",
            ]
        )
    }

    @Test("two players showing the item: one continues the session, the other is a duplicate of it")
    func continuedOnce() {
        let last = crashedRun(playing: 100)
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        run.send(.inherit([InheritedSession(lastEvent: last)]), at: 0)
        run.appear(mpv, PlayerProperties(status: .playing, metadata: alpha, position: .seconds(101), rate: 1), at: 0)
        run.appear(Fixtures.vlc, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.send(.shutdown, at: 30)
        #expect(run.events.map(\.action) == [.progress, .stop])
        #expect(run.events.allSatisfy { $0.payload.playbackSessionID == last.payload.playbackSessionID })
    }

    @Test("shutdown or sleep within the window stops the waiting session; a repeated hand-over is ignored")
    func shutdownAndSleepInsideTheWindow() {
        let last = crashedRun(playing: 100)
        var shutdown = ScriptedRun()
        shutdown.send(.inherit([InheritedSession(lastEvent: last)]), at: 0)
        shutdown.send(.inherit([InheritedSession(lastEvent: last)]), at: 1)
        shutdown.send(.shutdown, at: 3)
        shutdown.wait(until: 60)
        #expect(shutdown.events.map(\.action) == [.stop])
        #expect(shutdown.events.first?.payload.eventCreatedAt == ScriptedRun.wallClockOrigin + 3000)

        var sleep = ScriptedRun()
        sleep.send(.inherit([InheritedSession(lastEvent: last)]), at: 0)
        sleep.send(.sleep, at: 2)
        sleep.wait(until: 60)
        #expect(sleep.events.map(\.action) == [.stop])
    }
}
