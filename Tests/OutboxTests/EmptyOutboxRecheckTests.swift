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

    @Test("a stamp counts on SQLite's WAL index, and without one it tells nothing")
    func stampNeedsTheWALIndex() async throws {
        let harness = try OutboxHarness()
        try await harness.store.enqueue(Events.make(.start, at: 0))
        #expect(harness.store.fileStamp().isReliable)

        let plainFile = OutboxHarness.temporaryDirectory() + "/not-an-outbox.sqlite"
        try Data("no WAL index beside me".utf8).write(to: URL(fileURLWithPath: plainFile))
        #expect(!OutboxFileStamp(path: plainFile).isReliable)
    }
}
