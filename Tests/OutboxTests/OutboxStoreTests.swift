import Foundation
import GRDB
import Testing

@testable import Outbox

@Suite("Outbox store: write-ahead, schema rules, coalescing")
struct OutboxStoreTests {
    @Test("an enqueued event is on disk when enqueue returns: a second process sees it")
    func writeAhead() async throws {
        let harness = try OutboxHarness()
        try await harness.store.enqueue(Events.make(.start, at: 0))
        let reader = try DatabaseQueue(path: harness.path)
        let ids = try await reader.read { db in try String.fetchAll(db, sql: "SELECT event_id FROM event") }
        #expect(ids == ["s1-start-0"])
        let mode = try await reader.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test("every commit is synced: the writer connection runs with synchronous = FULL, not GRDB's WAL default")
    func writerSynchronousFull() async throws {
        let directory = OutboxHarness.temporaryDirectory()
        let (pool, _) = try OutboxDatabase.open(path: directory + "/outbox.sqlite", now: 0)
        let synchronous = try await pool.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2)
    }

    @Test("enqueueing the same event_id twice queues it once")
    func idempotentEnqueue() async throws {
        let harness = try OutboxHarness()
        #expect(try await harness.store.enqueue(Events.make(.start, at: 0)))
        #expect(try await !harness.store.enqueue(Events.make(.start, at: 0)))
        #expect(try await harness.store.snapshot().pendingCount == 1)
    }

    @Test("an event not later than its session's previous one is refused with a clear error")
    func outOfOrderRefused() async throws {
        let harness = try OutboxHarness()
        try await harness.store.enqueue(Events.make(.start, at: 100))
        await #expect(throws: OutboxError.outOfOrder(eventID: "s1-pause-100", sessionID: "s1")) {
            try await harness.store.enqueue(Events.make(.pause, at: 100))
        }
    }

    @Test("the schema itself rejects rows that break the rules")
    func schemaConstraints() async throws {
        let harness = try OutboxHarness()
        let queue = try DatabaseQueue(path: harness.path)
        let rows = [
            "('e1', 's', 'rewind', 0, 1, 1, '{}')",
            "('e2', 's', 'stop', 0, 1, 1, '{}')",
            "('', 's', 'stop', 3, 1, 1, '{}')",
            "('e3', 's', 'stop', 3, 1, 1, 'not json')",
        ]
        for values in rows {
            #expect(throws: DatabaseError.self) {
                try queue.write { db in
                    try db.execute(
                        sql: """
                            INSERT INTO event (event_id, session_id, action, eviction_rank, created_at_ms,
                                enqueued_at_ms, payload) VALUES \(values)
                            """
                    )
                }
            }
        }
    }

    @Test("a queued progress is dropped when a later progress or stop of its session arrives")
    func coalescing() async throws {
        let harness = try OutboxHarness()
        let events = [
            Events.make(.start, at: 0),
            Events.make(.progress, at: 15_000),
            Events.make(.progress, session: "s2", at: 16_000),
            Events.make(.progress, at: 30_000),
            Events.make(.pause, at: 31_000),
            Events.make(.resume, at: 40_000),
            Events.make(.progress, at: 55_000),
            Events.make(.stop, at: 60_000),
        ]
        try await harness.store.enqueue(contentsOf: events)
        let snapshot = try await harness.store.snapshot()
        let queued = snapshot.sessions.flatMap(\.events).map(\.event.payload.eventID)
        #expect(queued == ["s1-start-0", "s1-pause-31000", "s1-resume-40000", "s1-stop-60000", "s2-progress-16000"])
        #expect(snapshot.coalescedCount == 3)
    }

    @Test("a directory that cannot hold the database gives an actionable error, not a crash")
    func unusableLocation() throws {
        let blocker = OutboxHarness.temporaryDirectory() + "/file"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        #expect {
            _ = try OutboxStore(path: blocker + "/sub/outbox.sqlite")
        } throws: { error in
            guard case .unusableDatabase = error as? OutboxError else { return false }
            return "\(error)".contains("permissions")
        }
    }
}
