import Foundation
import Testing

@testable import Outbox

@Suite("Rechecking an empty outbox")
struct EmptyOutboxRecheckTests {
    @Test("an empty outbox whose file is unchanged is not read again at its rechecks")
    func unchangedFileIsNotRead() async throws {
        let harness = try OutboxHarness()
        let loop = harness.start()
        defer { loop.cancel() }
        try await OutboxHarness.untilSleeping(on: harness.clock)
        let reads = await harness.delivery.planReads
        #expect(reads >= 1)

        try await harness.advanceWhenSleeping(by: .milliseconds(harness.recheckInterval * 3))
        try await OutboxHarness.untilSleeping(on: harness.clock)
        #expect(await harness.delivery.planReads == reads)
        #expect(await harness.delivery.currentState.phase == .idle)
    }

    @Test("an event another connection commits to the empty outbox goes out at the next recheck")
    func commitByAnotherConnectionIsNoticed() async throws {
        let harness = try OutboxHarness()
        let loop = harness.start()
        defer { loop.cancel() }
        try await harness.advanceWhenSleeping(by: .milliseconds(harness.recheckInterval))
        try await OutboxHarness.untilSleeping(on: harness.clock)
        let reads = await harness.delivery.planReads

        // The loop hears of no arrival: only the file tells it, as with `queue` or an agent in another session.
        let other = try OutboxStore(path: harness.path, clock: harness.outboxClock)
        try await other.enqueue(Events.make(.start, at: 0))
        try await harness.advanceWhenSleeping(by: .milliseconds(harness.recheckInterval))
        try await harness.writer.waitForSends(1)
        #expect(await harness.writer.sent.map(\.event.payload.eventID) == ["s1-start-0"])
        #expect(await harness.delivery.planReads > reads)
    }

    @Test("a commit changes the file's stamp; a read does not")
    func stampFollowsCommits() async throws {
        let harness = try OutboxHarness()
        try await harness.store.enqueue(Events.make(.start, at: 0))
        let committed = harness.store.fileStamp()
        _ = try await harness.store.snapshot()
        #expect(harness.store.fileStamp() == committed)

        try await harness.store.enqueue(Events.make(.progress, at: 1000))
        #expect(harness.store.fileStamp() != committed)
    }

    @Test("a stamp taken just after a commit is settled only a file-time tick later")
    func stampSettlesAfterATick() async throws {
        let harness = try OutboxHarness()
        let beforeCommit = timespec.realTimeNow
        try await harness.store.enqueue(Events.make(.start, at: 0))
        let stamp = harness.store.fileStamp()
        let wait = try #require(stamp.timeUntilSettled(now: beforeCommit))
        #expect(wait > .milliseconds(40) && wait <= .milliseconds(50) + .seconds(1))

        let later = timespec(tv_sec: beforeCommit.tv_sec + 2, tv_nsec: beforeCommit.tv_nsec)
        #expect(stamp.timeUntilSettled(now: later) == nil)
    }

    @Test("file times in whole seconds mean a tick of up to two seconds, nanoseconds one of milliseconds")
    func tickFollowsTheTimesResolution() {
        let wholeSeconds = [timespec(tv_sec: 1_700_000_000, tv_nsec: 0), timespec(tv_sec: 1_700_000_001, tv_nsec: 0)]
        #expect(OutboxFileStamp.tick(of: wholeSeconds) == .seconds(2))
        let nanoseconds = [
            timespec(tv_sec: 1_700_000_000, tv_nsec: 0), timespec(tv_sec: 1_700_000_001, tv_nsec: 4_000),
        ]
        #expect(OutboxFileStamp.tick(of: nanoseconds) == .milliseconds(50))
    }
}
