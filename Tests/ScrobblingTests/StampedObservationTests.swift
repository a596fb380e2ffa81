import Clocks
import PlaybackModel
import Scrobbling
import Testing

/// Observations stamped with when they came off the bus: the settle window counts from the stamp, at most
/// `maximumBackdating` before the observation is handled, and never from before an input handled earlier.
@Suite("stamped observations on a test clock", .timeLimit(.minutes(1)))
struct StampedObservationTests {
    let alpha = Fixtures.item("alpha.mkv", title: "Alpha")
    let beta = Fixtures.item("beta.mkv", title: "Beta")

    typealias Harness = ScrobblingServiceTests.Harness

    @Test("a pause settles a settle window after its signal came off the bus, not after it was handled")
    func settlesFromTheSignal() async {
        let harness = Harness()
        await harness.playUntilStarted(alpha)
        await harness.advance(milliseconds: 8500)
        await harness.change(PlayerProperties(status: .paused, position: .seconds(9)), arrivedAt: 9.96)
        await harness.advance(milliseconds: 1459)
        #expect(await harness.recorder.events.count == 1, "settled before the window from the signal was over")
        await harness.advance(milliseconds: 1, expectingTimer: false)
        let lines = await harness.finish()
        #expect(lines.count == 3)
        #expect(lines.dropFirst().first?.hasPrefix("11.46 pause S1 pos=9") == true, "\(lines)")
    }

    @Test("a stamp further back than maximumBackdating counts from maximumBackdating before the handling")
    func backdatingIsBounded() async {
        let harness = Harness()
        await harness.playUntilStarted(alpha)
        await harness.advance(milliseconds: 8500)
        await harness.change(PlayerProperties(status: .paused, position: .seconds(9)), arrivedAt: 9)
        let bound = ScrobblingService<TestClock<Duration>>.maximumBackdating.wholeMilliseconds
        await harness.advance(milliseconds: 1500 - bound - 1)
        #expect(await harness.recorder.events.count == 1, "settled before the bound allows")
        await harness.advance(milliseconds: 1, expectingTimer: false)
        let lines = await harness.finish()
        #expect(lines.dropFirst().first?.hasPrefix("\(11.5 - Double(bound) / 1000) pause S1") == true, "\(lines)")
    }

    @Test("an observation stamped before an input handled earlier counts from that input's time")
    func stampsNeverGoBack() async {
        let harness = Harness()
        await harness.playUntilStarted(alpha)
        await harness.advance(milliseconds: 8500)
        await harness.change(PlayerProperties(status: .paused, position: .seconds(9)), arrivedAt: 9.95)
        await harness.change(PlayerProperties(metadata: beta, position: .zero), arrivedAt: 9.9)
        await harness.advance(milliseconds: 1449)
        #expect(await harness.recorder.events.count == 1, "settled from a time before the pause was handled")
        await harness.advance(milliseconds: 1, expectingTimer: false)
        let lines = await harness.finish()
        #expect(lines.dropFirst().first?.hasPrefix("11.45 stop S1") == true, "\(lines)")
    }
}

extension ScrobblingServiceTests.Harness {
    /// Moves the clock on; waits for the timer the service arms next unless it has none to arm (paused).
    fileprivate func advance(milliseconds: Int64, expectingTimer: Bool = true) async {
        await clock.advance(by: .milliseconds(milliseconds))
        if expectingTimer { await timerArmed() }
    }

    /// Feeds a change of mpv's properties that came off the bus at `arrivedAt` (seconds of the clock).
    fileprivate func change(_ properties: PlayerProperties, arrivedAt: Double) async {
        let stamp = Duration.milliseconds(Int64((arrivedAt * 1000).rounded()))
        feed.yield(.changed(busName: Fixtures.mpv.busName, properties), arrivedAt: stamp)
        await timerArmed()
    }

    /// Shuts the service down and returns its events as transcript lines.
    fileprivate func finish() async -> [String] {
        service.shutdown()
        await run.value
        return Transcript.lines(await recorder.events)
    }
}
