import Clocks
import Foundation
import GRDB
import InMemoryLogging
import Logging
import PlaybackModel
import TestSupport
import Testing

@testable import Outbox

/// A fresh event is committed, handed to the delivery loop and flushed to the disk while the loop sends it:
/// the send does not wait for the disk, and nothing else about a commit changes.
@Suite("Intake: the disk flush runs while the event is sent")
struct FlushAfterCommitTests {
    /// The steps of one intake in the order they happened.
    actor Steps {
        private(set) var names: [String] = []
        func record(_ name: String) { names.append(name) }
    }

    /// A flush that waits until the test opens it.
    actor FlushGate {
        private var isOpen = false
        private var waiting: [CheckedContinuation<Void, Never>] = []

        func pass() async {
            if isOpen { return }
            await withCheckedContinuation { waiting.append($0) }
        }

        func open() {
            isOpen = true
            for continuation in waiting { continuation.resume() }
            waiting = []
        }
    }

    static func intake(
        commit: @escaping OutboxIntake.Commit = { _ throws(OutboxError) in },
        flush: @escaping OutboxIntake.Flush,
        committed: @escaping @Sendable () async -> Void = {},
        log: InMemoryLogHandler = InMemoryLogHandler()
    ) -> OutboxIntake {
        OutboxIntake(
            commit: commit,
            flush: flush,
            committed: committed,
            limits: OutboxLimits(),
            clock: OutboxClock(TestClock<Duration>(), wallTimeAtStart: OutboxHarness.startOfTime),
            retry: Backoff(initial: .milliseconds(20), maximum: .milliseconds(20)),
            logger: Logger(label: "punchplay-mpris.outbox") { _ in log }
        )
    }

    @Test("the delivery loop is woken between the commit and the flush, and commit returns after the flush")
    func wokenBeforeTheFlush() async {
        let steps = Steps()
        let intake = Self.intake(
            commit: { _ throws(OutboxError) in await steps.record("commit") },
            flush: { () throws(OutboxError) in await steps.record("flush") },
            committed: { await steps.record("woken") }
        )
        await intake.commit([Events.make(.start, at: 0)])
        await steps.record("returned")
        #expect(await steps.names == ["commit", "woken", "flush", "returned"])
    }

    @Test("a fresh event is sent while its flush is still under way, and the flush then reaches SQLite")
    func sentBeforeTheFlushEnds() async throws {
        let harness = try OutboxHarness()
        let store = harness.store
        let delivery = harness.delivery
        let gate = FlushGate()
        let flushed = Steps()
        let intake = Self.intake(
            commit: { events throws(OutboxError) in try await store.enqueueAheadOfFlush(contentsOf: events) },
            flush: { () throws(OutboxError) in
                await gate.pass()
                try await store.flushCommits()
                await flushed.record("flushed")
            },
            committed: { await delivery.eventsArrived() }
        )
        let running = harness.start()
        let committing = Task { await intake.commit([Events.make(.start, at: 0)]) }
        try await harness.drive { $0.deliveredCount == 1 }
        #expect(await harness.writer.sentEventIDs == ["s1-start-0"])
        #expect(await flushed.names.isEmpty, "the send did not wait for the flush")
        await gate.open()
        await committing.value
        #expect(await flushed.names == ["flushed"])
        running.cancel()
    }

    @Test("a failed flush is told once with what it concerns, its end once; nothing is held back")
    func failedFlushIsTold() async {
        let failures = Steps()
        let log = InMemoryLogHandler()
        let intake = Self.intake(
            flush: { () throws(OutboxError) in
                if await failures.names.count < 2 {
                    await failures.record("failed")
                    throw OutboxError.storage("disk I/O error")
                }
            },
            log: log
        )
        for offset in [0, 10, 20] { await intake.commit([Events.make(.progress, at: Int64(offset))]) }
        #expect(await intake.heldCount == 0)
        let lines = log.entries.map { "\($0.message)" }
        #expect(lines.filter { $0.contains("could not flush 1 committed event(s)") }.count == 1)
        #expect(lines.filter { $0.contains("flushed to the disk again") }.count == 1)
        #expect(lines.first?.contains("disk I/O error") == true)
    }

    @Test("a commit ahead of its flush is in the file for another connection at once; other commits stay synced")
    func aheadOfFlushIsVisibleAndFullStays() async throws {
        let harness = try OutboxHarness()
        #expect(try await harness.store.enqueueAheadOfFlush(contentsOf: [Events.make(.start, at: 0)]) == 1)
        let reader = try DatabaseQueue(path: harness.path)
        let ids = try await reader.read { db in try String.fetchAll(db, sql: "SELECT event_id FROM event") }
        #expect(ids == ["s1-start-0"])
        try await harness.store.flushCommits()
        let (pool, _) = try OutboxDatabase.open(path: harness.directory + "/second.sqlite", now: 0)
        try await pool.writeWithoutTransaction { db in
            _ = try UnflushedCommit.commit(db) { db in
                try db.execute(sql: "UPDATE delivery_state SET coalesced_count = 1")
            }
            #expect(try Int.fetchOne(db, sql: "PRAGMA synchronous") == 2, "FULL again after the commit")
            _ = try? UnflushedCommit.commit(db) { db in
                try db.execute(sql: "INSERT INTO no_such_table VALUES (1)")
            }
            #expect(try Int.fetchOne(db, sql: "PRAGMA synchronous") == 2, "and after a failed one")
            try UnflushedCommit.flush(db)
        }
    }
}
