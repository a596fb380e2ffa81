import Clocks
import ServiceLifecycle
import Synchronization
import Testing

@testable import Agent

/// When the agent trims its memory, on a test clock: after start-up, then once after each burst of changes of
/// what is playing, and never for steady playback.
@Suite("When the agent hands memory back")
struct MemoryTrimServiceTests {
    /// The service over a test clock and a stream of playback keys the test feeds, counting trims.
    final class Harness: Sendable {
        let clock = CountingClock()
        let trims = Atomic<Int>(0)
        let keys: AsyncStream<[String]>
        let feed: AsyncStream<[String]>.Continuation

        init() {
            (keys, feed) = AsyncStream.makeStream(of: [String].self)
        }

        var count: Int { trims.load(ordering: .relaxed) }

        func service() -> MemoryTrimService<CountingClock, AsyncStream<[String]>> {
            MemoryTrimService(delay: .seconds(10), clock: clock, activity: keys) {
                self.trims.add(1, ordering: .relaxed)
            }
        }

        /// Lets the service take what was fed before the clock moves: waits until it has started `sleeps` trim
        /// timers in all (a real-time safety net of 5 s aside), so an advance of the clock reaches the newest.
        func settle(sleeps: Int) async {
            await yield { self.clock.sleepsStarted.load(ordering: .acquiring) >= sleeps }
            for _ in 0..<20 { await Task.yield() }
        }

        /// The trims once `expected` of them have run, or after a real-time safety net of 5 s. A trim runs on a
        /// task that the clock's advance resumes, which a busy machine may not have run yet when `advance`
        /// returns.
        func trims(reaching expected: Int) async -> Int {
            await yield { self.count >= expected }
            return count
        }

        /// Yields until `done` holds, or for at most 5 s of real time.
        private func yield(until done: () -> Bool) async {
            let giveUp = ContinuousClock.now + .seconds(5)
            while !done(), ContinuousClock.now < giveUp { await Task.yield() }
        }
    }

    /// A test clock that counts the sleeps started on it, so a test knows the service armed its timer before it
    /// moves the time: a timer armed after an advance would count from the later time.
    final class CountingClock: Clock, Sendable {
        let base = TestClock()
        let sleepsStarted = Atomic<Int>(0)

        var now: TestClock<Duration>.Instant { base.now }
        var minimumResolution: Duration { base.minimumResolution }

        func sleep(until deadline: TestClock<Duration>.Instant, tolerance: Duration?) async throws {
            sleepsStarted.add(1, ordering: .releasing)
            try await base.sleep(until: deadline, tolerance: tolerance)
        }

        func advance(by duration: Duration) async {
            await base.advance(by: duration)
        }
    }

    @Test("start-up, a session starting, a burst of changes, and steady playback")
    func trimsAfterBursts() async throws {
        let harness = Harness()
        let service = harness.service()
        let run = Task { try await service.run() }
        harness.feed.yield([])
        await harness.settle(sleeps: 1)
        await harness.clock.advance(by: .seconds(9))
        #expect(harness.count == 0)
        await harness.clock.advance(by: .seconds(1))
        #expect(await harness.trims(reaching: 1) == 1)

        // The same view again (a position moved): nothing to do.
        harness.feed.yield([])
        await harness.settle(sleeps: 1)
        await harness.clock.advance(by: .seconds(60))
        #expect(harness.count == 1)

        // A session starts, and pauses 4 s later: one trim, 10 s after the last change.
        harness.feed.yield([":1.5|s1|Playing|reported"])
        await harness.settle(sleeps: 2)
        await harness.clock.advance(by: .seconds(4))
        harness.feed.yield([":1.5|s1|Paused|reported"])
        await harness.settle(sleeps: 3)
        await harness.clock.advance(by: .seconds(9))
        #expect(harness.count == 1)
        await harness.clock.advance(by: .seconds(1))
        #expect(await harness.trims(reaching: 2) == 2)

        harness.feed.finish()
        try await run.value
        #expect(harness.count == 2)
    }

    @Test("a change during the start-up delay postpones the first trim")
    func changeDuringStartUp() async throws {
        let harness = Harness()
        let service = harness.service()
        let run = Task { try await service.run() }
        harness.feed.yield([])
        await harness.settle(sleeps: 1)
        await harness.clock.advance(by: .seconds(6))
        harness.feed.yield([":1.7|s2|Playing|reported"])
        await harness.settle(sleeps: 2)
        await harness.clock.advance(by: .seconds(6))
        #expect(harness.count == 0)
        await harness.clock.advance(by: .seconds(4))
        #expect(await harness.trims(reaching: 1) == 1)
        harness.feed.finish()
        try await run.value
    }
}
