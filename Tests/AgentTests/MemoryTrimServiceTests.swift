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
        let clock = TestClock()
        let trims = Atomic<Int>(0)
        let keys: AsyncStream<[String]>
        let feed: AsyncStream<[String]>.Continuation

        init() {
            (keys, feed) = AsyncStream.makeStream(of: [String].self)
        }

        var count: Int { trims.load(ordering: .relaxed) }

        func service() -> MemoryTrimService<TestClock<Duration>, AsyncStream<[String]>> {
            MemoryTrimService(delay: .seconds(10), clock: clock, activity: keys) {
                self.trims.add(1, ordering: .relaxed)
            }
        }

        /// Lets the service take what was fed before the clock moves.
        func settle() async {
            for _ in 0..<20 { await Task.yield() }
        }
    }

    @Test("start-up, a session starting, a burst of changes, and steady playback")
    func trimsAfterBursts() async throws {
        let harness = Harness()
        let service = harness.service()
        let run = Task { try await service.run() }
        harness.feed.yield([])
        await harness.settle()
        await harness.clock.advance(by: .seconds(9))
        #expect(harness.count == 0)
        await harness.clock.advance(by: .seconds(1))
        #expect(harness.count == 1)

        // The same view again (a position moved): nothing to do.
        harness.feed.yield([])
        await harness.settle()
        await harness.clock.advance(by: .seconds(60))
        #expect(harness.count == 1)

        // A session starts, and pauses 4 s later: one trim, 10 s after the last change.
        harness.feed.yield([":1.5|s1|Playing|reported"])
        await harness.settle()
        await harness.clock.advance(by: .seconds(4))
        harness.feed.yield([":1.5|s1|Paused|reported"])
        await harness.settle()
        await harness.clock.advance(by: .seconds(9))
        #expect(harness.count == 1)
        await harness.clock.advance(by: .seconds(1))
        #expect(harness.count == 2)

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
        await harness.settle()
        await harness.clock.advance(by: .seconds(6))
        harness.feed.yield([":1.7|s2|Playing|reported"])
        await harness.settle()
        await harness.clock.advance(by: .seconds(6))
        #expect(harness.count == 0)
        await harness.clock.advance(by: .seconds(4))
        #expect(harness.count == 1)
        harness.feed.finish()
        try await run.value
    }
}
