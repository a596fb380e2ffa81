import Clocks
import PlaybackModel
import Scrobbling
import Testing

/// The shell on a `TestClock`: it sleeps until the core's deadlines, stamps inputs with the clock's time,
/// and stops open sessions however `run()` ends. The suite's time limit stands in for a timeout on `run()`.
@Suite("scrobbling service on a test clock", .timeLimit(.minutes(1)))
struct ScrobblingServiceTests {
    let alpha = Fixtures.item("alpha.mkv", title: "Alpha")

    /// A service wired to a fresh test clock, fed by `feed`, recording into `recorder`.
    struct Harness {
        let clock = TestClock()
        let recorder = StepRecorder()
        let service: ScrobblingService<TestClock<Duration>>
        let feed: ObservationFeed
        let run: Task<Void, Never>

        init() {
            let (observations, continuation) = AsyncStream<StampedObservation>.makeStream()
            let ids = IDCounter()
            let scrobbler = Scrobbler(
                configuration: Scrobbler.Configuration(
                    context: Fixtures.context,
                    identify: Fixtures.identify,
                    makeID: { ids.makeID() }
                )
            )
            let clock = clock
            let origin = clock.now
            let recorder = recorder
            service = ScrobblingService(
                scrobbler: scrobbler,
                clock: clock,
                wallClockMillis: {
                    ScriptedRun.wallClockOrigin + Int64((origin.duration(to: clock.now) / .milliseconds(1)).rounded())
                },
                sink: { await recorder.record($0) }
            )
            feed = ObservationFeed(continuation: continuation)
            let service = service
            run = Task { await service.run(stampedObservations: observations) }
        }

        /// Waits until the service has handled everything so far and armed its timer: a signal, not a sleep.
        /// Tests advance the clock exactly to each deadline and wait here before going further, because a
        /// `TestClock` does not wait for a woken sleeper to finish its work.
        func timerArmed(sourceLocation: SourceLocation = #_sourceLocation) async {
            for _ in 0..<1000 {
                if (try? await clock.checkSuspension()) == nil { return }
            }
            Issue.record("the service never armed a timer", sourceLocation: sourceLocation)
        }

        /// `item` appears playing on mpv and the settle window passes: its `start` is out, the next timer armed.
        func playUntilStarted(_ item: TrackMetadata) async {
            feed.yield(.appeared(Fixtures.mpv, PlayerProperties(status: .playing, metadata: item, rate: 1)))
            await timerArmed()
            await advance(seconds: 1.5)
            await timerArmed()
        }

        func advance(seconds: Double) async {
            await clock.advance(by: .milliseconds(Int64(seconds * 1000)))
        }
    }

    /// What the tests hand the service: observations, unstamped unless a test says when they came off the bus.
    struct ObservationFeed {
        let continuation: AsyncStream<StampedObservation>.Continuation

        func yield(_ observation: PlayerObservation, arrivedAt: Duration? = nil) {
            continuation.yield(StampedObservation(observation, arrivedAt: arrivedAt))
        }

        func finish() { continuation.finish() }
    }

    @Test("start after the settle window, progress every 15 s, stop on shutdown()")
    func settleProgressShutdown() async {
        let harness = Harness()
        await harness.playUntilStarted(alpha)
        await harness.advance(seconds: 15)
        await harness.timerArmed()
        harness.service.shutdown()
        await harness.run.value
        let events = await harness.recorder.events
        #expect(
            Transcript.lines(events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "16.5 progress S1 pos=16 dur=600 prog=0.028",
                "16.501 stop S1 pos=16 dur=600 prog=0.028 watched=false threshold=0.9",
            ]
        )
    }

    @Test("reconfigure(policy:) re-judges the item on screen and arms the timer for its settle window")
    func reconfigureArmsTimer() async {
        let harness = Harness()
        harness.feed.yield(.appeared(Fixtures.mpv, PlayerProperties(status: .playing, metadata: alpha, rate: 1)))
        await harness.timerArmed()
        await harness.service.reconfigure(policy: { _ in PlayerPolicy(minimumDuration: .seconds(3600)) })
        await harness.timerArmed()
        await harness.advance(seconds: 1.5)
        await harness.recorder.waitForDecision("ignored: duration 600 s below 3600 s")
        await harness.service.reconfigure(policy: PlayerPolicy.defaults(for:))
        await harness.timerArmed()
        await harness.advance(seconds: 1.5)
        await harness.timerArmed()
        harness.service.shutdown()
        await harness.run.value
        let decisions = await harness.recorder.decisions.map(\.message)
        #expect(decisions.filter { $0 == "reconfigured: new settings apply" }.count == 2)
        #expect(
            Transcript.lines(await harness.recorder.events) == [
                "3.0 start S1 movie \"Alpha\" file=alpha.mkv pos=3 dur=600 prog=0.005",
                "3.001 stop S1 pos=3 dur=600 prog=0.005 watched=false threshold=0.9",
            ]
        )
    }

    @Test("cancelling run() (graceful shutdown of a service) stops the open session")
    func cancellationStopsSessions() async {
        let harness = Harness()
        await harness.playUntilStarted(alpha)
        await harness.advance(seconds: 8.5)
        harness.run.cancel()
        await harness.run.value
        let events = await harness.recorder.events
        #expect(
            Transcript.lines(events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "10.0 stop S1 pos=10 dur=600 prog=0.017 watched=false threshold=0.9",
            ]
        )
    }

    @Test("the end of the observation stream stops the open session and ends run()")
    func observationsEnding() async {
        let harness = Harness()
        await harness.playUntilStarted(alpha)
        await harness.advance(seconds: 2.5)
        harness.feed.finish()
        await harness.run.value
        let events = await harness.recorder.events
        #expect(
            Transcript.lines(events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "4.0 stop S1 pos=4 dur=600 prog=0.007 watched=false threshold=0.9",
            ]
        )
    }

    @Test("sleep stops the session and disarms the timer; wake starts a new session after settling")
    func sleepAndWake() async throws {
        let harness = Harness()
        await harness.playUntilStarted(alpha)
        await harness.advance(seconds: 3.5)
        harness.service.prepareForSleep()
        try await waitUntilDisarmed(harness.clock)
        await harness.advance(seconds: 3600)
        harness.service.wake()
        await harness.timerArmed()
        await harness.advance(seconds: 1.5)
        await harness.timerArmed()
        harness.service.shutdown()
        await harness.run.value
        let events = await harness.recorder.events
        #expect(
            Transcript.lines(events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "5.0 stop S1 pos=5 dur=600 prog=0.008 watched=false threshold=0.9",
                "3606.5 start S2 movie \"Alpha\" file=alpha.mkv pos=6 dur=600 prog=0.011",
                "3606.501 stop S2 pos=6 dur=600 prog=0.011 watched=false threshold=0.9",
            ]
        )
    }

    @Test("decisions reach the sink with the events")
    func decisionsReachTheSink() async {
        let harness = Harness()
        harness.feed.yield(.appeared(Fixtures.player("firefox"), PlayerProperties(status: .playing, metadata: alpha)))
        harness.feed.finish()
        await harness.run.value
        #expect(await harness.recorder.events.isEmpty)
        #expect(
            await harness.recorder.decisions.map(\.message) == [
                "ignored: player firefox is off (a browser); enable it in players.d/firefox.toml"
            ]
        )
    }

    @Test("pauseReporting stops the session at once and disarms progress; resumeReporting starts a new one")
    func pauseAndResume() async {
        let harness = Harness()
        await harness.playUntilStarted(alpha)
        await harness.advance(seconds: 3.5)
        harness.service.pauseReporting(untilWallClockMillis: nil)
        await harness.recorder.waitForDecision("reporting paused: until resumed")
        await harness.advance(seconds: 100)
        harness.service.resumeReporting()
        await harness.recorder.waitForDecision("reporting resumed: by the user; players settle again")
        await harness.timerArmed()
        await harness.advance(seconds: 1.5)
        await harness.timerArmed()
        harness.service.shutdown()
        await harness.run.value
        #expect(
            Transcript.lines(await harness.recorder.events) == [
                "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1 dur=600 prog=0.003",
                "5.0 stop S1 pos=5 dur=600 prog=0.008 watched=false threshold=0.9",
                "106.5 start S2 movie \"Alpha\" file=alpha.mkv pos=106 dur=600 prog=0.177",
                "106.501 stop S2 pos=106 dur=600 prog=0.177 watched=false threshold=0.9",
            ]
        )
    }

    @Test("a timed pause arms the timer for its end and resumes reporting there")
    func timedPauseArmsTimer() async {
        let harness = Harness()
        await harness.playUntilStarted(alpha)
        harness.service.pauseReporting(untilWallClockMillis: ScriptedRun.wallClockOrigin + 31_500)
        await harness.recorder.waitForDecision("reporting paused: for 30 s")
        await harness.timerArmed()
        await harness.advance(seconds: 30)
        await harness.recorder.waitForDecision("reporting resumed: the pause ended; players settle again")
        await harness.timerArmed()
        await harness.advance(seconds: 1.5)
        await harness.timerArmed()
        harness.service.shutdown()
        await harness.run.value
        #expect(await harness.recorder.events.map(\.action) == [.start, .stop, .start, .stop])
    }

    @Test("activityUpdates yields the current view first, then each changed view once, and ends with run()")
    func activityUpdates() async {
        let harness = Harness()
        let activities = ActivityRecorder()
        let reading = activities.read(harness.service.activityUpdates())
        await activities.waitForValues(1)
        harness.feed.yield(.appeared(Fixtures.mpv, PlayerProperties(status: .playing, metadata: alpha, rate: 1)))
        await activities.waitForValues(2)
        await harness.timerArmed()
        await harness.advance(seconds: 1.5)
        await activities.waitForValues(3)
        await harness.timerArmed()
        // A progress changes nothing in the view.
        await harness.advance(seconds: 15)
        await harness.timerArmed()
        #expect(await harness.recorder.events.map(\.action) == [.start, .progress])
        harness.service.pauseReporting(untilWallClockMillis: nil)
        await activities.waitForValues(4)
        #expect(await harness.service.activity() == (await activities.values).last)
        harness.service.shutdown()
        await harness.run.value
        await reading.value
        let player = { (sessionID: String?, state: PlayerActivity.State) in
            PlayerActivity(
                busName: Fixtures.mpv.busName,
                playerName: "mpv",
                status: .playing,
                title: "Alpha",
                mediaType: .movie,
                positionSeconds: 0,
                lengthSeconds: 600,
                sessionID: sessionID,
                state: state
            )
        }
        #expect(
            await activities.values == [
                ReportingActivity(),
                ReportingActivity(players: [player(nil, .settling)]),
                ReportingActivity(players: [player("id-1", .reporting)]),
                ReportingActivity(isPaused: true, players: [player(nil, .reportingPaused)]),
                ReportingActivity(isPaused: true),
            ]
        )
        #expect(await activities.finished)
    }

    /// Waits until no timer is armed any more, which the service does once it has handled the sleep.
    private func waitUntilDisarmed(_ clock: TestClock<Duration>) async throws {
        for _ in 0..<1000 {
            do {
                try await clock.checkSuspension()
                return
            } catch {
                continue
            }
        }
        Issue.record("the service kept a timer armed while asleep")
    }
}
