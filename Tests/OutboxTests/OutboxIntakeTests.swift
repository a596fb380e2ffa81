import Clocks
import InMemoryLogging
import Logging
import PlaybackModel
import TestSupport
import Testing

@testable import Outbox

/// The outbox refusing writes while the agent runs (disk full, read-only): nothing is lost, order is kept,
/// and the user is told once when it starts and once when it ends.
@Suite("Intake: outbox writes refused for a while")
struct OutboxIntakeTests {
    /// An outbox whose disk refuses every commit until it is healed, then keeps what it is given.
    actor FlakyOutbox {
        static let diskFull = OutboxError.storage("disk I/O error (no space left on device)")

        private var isFull = true
        private(set) var refusals = 0
        private(set) var stored: [String] = []
        private let (commits, committed) = AsyncStream.makeStream(of: Void.self)

        func heal() {
            isFull = false
        }

        func commit(_ events: [PlaybackEvent]) throws(OutboxError) {
            if isFull {
                refusals += 1
                throw Self.diskFull
            }
            for event in events where !stored.contains(event.payload.eventID) {
                stored.append(event.payload.eventID)
            }
            committed.yield()
        }

        nonisolated var successes: AsyncStream<Void> { commits }
    }

    static func event(_ id: String, _ action: PlaybackAction = .progress) -> PlaybackEvent {
        PlaybackEvent(
            action: action,
            payload: PlaybackPayload(mediaType: "movie", playbackSessionID: "s", eventID: id, eventCreatedAt: 1)
        )
    }

    /// An intake committing into `outbox`, retrying on the virtual `clock` every 20 ms, logging into `log`.
    static func intake(
        _ outbox: FlakyOutbox,
        clock: TestClock<Duration>,
        log: InMemoryLogHandler,
        maximumHeld: Int = 10_000
    ) -> OutboxIntake {
        OutboxIntake(
            commit: { events throws(OutboxError) in try await outbox.commit(events) },
            committed: {},
            limits: OutboxLimits(maximumEvents: maximumHeld),
            clock: OutboxClock(clock, wallTimeAtStart: OutboxHarness.startOfTime),
            retry: Backoff(initial: .milliseconds(20), maximum: .milliseconds(20)),
            logger: Logger(label: "punchplay-mpris.outbox") { _ in log }
        )
    }

    /// Heals the disk and lets the pending retry run: waits until it sleeps, then moves the clock past it.
    static func heal(_ outbox: FlakyOutbox, clock: TestClock<Duration>) async throws {
        await outbox.heal()
        try await OutboxHarness.untilSleeping(on: clock)
        await clock.advance(by: .milliseconds(20))
        try await withTimeout {
            for await _ in outbox.successes { return }
        }
    }

    /// What reaches the disk of `events` committed while it refuses them, held within `maximumHeld`.
    static func storedAfterAnOutage(_ events: [PlaybackEvent], maximumHeld: Int) async throws -> [String] {
        let outbox = FlakyOutbox()
        let clock = TestClock<Duration>()
        let intake = Self.intake(outbox, clock: clock, log: InMemoryLogHandler(), maximumHeld: maximumHeld)
        await intake.commit(events)
        try await Self.heal(outbox, clock: clock)
        return await outbox.stored
    }

    @Test("events refused by the disk are kept and written in order by the retry, with one line each way")
    func heldUntilTheDiskRecovers() async throws {
        let outbox = FlakyOutbox()
        let clock = TestClock<Duration>()
        let log = InMemoryLogHandler()
        let intake = Self.intake(outbox, clock: clock, log: log)
        var refusals = intake.diskRefusals.makeAsyncIterator()
        await intake.commit([Self.event("start-1", .start)])
        await intake.commit([Self.event("pause-2", .pause), Self.event("resume-3", .resume)])
        #expect(await outbox.refusals == 2)
        #expect(await intake.heldCount == 3)
        #expect(await refusals.next() == true, "the refusal is announced once")
        try await Self.heal(outbox, clock: clock)
        #expect(await refusals.next() == false, "and so is its end")
        #expect(await outbox.stored == ["start-1", "pause-2", "resume-3"])
        #expect(await intake.heldCount == 0)
        await intake.commit([Self.event("stop-4", .stop)])
        #expect(await outbox.stored == ["start-1", "pause-2", "resume-3", "stop-4"])
        let lines = log.entries.map { "\($0.message)" }
        #expect(lines.filter { $0.contains("could not write") }.count == 1)
        #expect(lines.filter { $0.contains("accepts writes again") }.count == 1)
        #expect(lines.first?.contains("no space left on device") == true)
    }

    @Test("past the memory cap the oldest progress goes first; start, pause, resume and stop stay")
    func capDropsProgressFirst() async throws {
        let events = [
            Self.event("start", .start), Self.event("progress-1"), Self.event("pause", .pause),
            Self.event("resume", .resume), Self.event("progress-2"),
        ]
        #expect(try await Self.storedAfterAnOutage(events, maximumHeld: 3) == ["start", "pause", "resume"])
    }

    @Test("the memory cap evicts in the store's order: progress, then pause and resume, then start, a stop last")
    func capFollowsTheStoresEvictionOrder() async throws {
        let events = [
            Self.event("start", .start), Self.event("pause", .pause), Self.event("resume", .resume),
            Self.event("stop", .stop),
        ]
        #expect(try await Self.storedAfterAnOutage(events, maximumHeld: 2) == ["start", "stop"])
    }

    @Test("an event the store refuses for what it is is dropped; the events after it are committed and sent")
    func outOfOrderEventIsDropped() async throws {
        let harness = try OutboxHarness()
        await harness.intake.commit([Events.make(.start, at: 100)])
        await harness.intake.commit([Events.make(.pause, at: 50), Events.make(.resume, session: "s2", at: 60)])
        await harness.intake.commit([Events.make(.stop, at: 200)])
        #expect(await harness.intake.heldCount == 0)
        let task = harness.start()
        try await harness.drive { $0.deliveredCount == 3 }
        task.cancel()
        #expect(await harness.writer.sentEventIDs == ["s1-start-100", "s2-resume-60", "s1-stop-200"])
    }
}
