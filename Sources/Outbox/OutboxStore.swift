import Foundation
import GRDB
import PlaybackModel

/// The durable side of the outbox: one SQLite file holding every event not yet delivered, the dead letters,
/// the sessions the agent has open and the delivery state. Every method is one transaction, so another
/// process (`punchplay-mpris queue`) always reads a consistent picture, and a crash at any instant leaves
/// either the old or the new state, never half of one. A file found corrupt at open or by any later
/// operation is moved aside and replaced by a fresh one (see `OutboxConnection`); the operation that found
/// it is then run on the fresh file, so the events being queued are not lost and nothing crashes.
public struct OutboxStore: Sendable {
    public let path: String
    /// Set when the file was found corrupt at open and replaced; the agent logs its message once.
    public let recovery: CorruptionRecovery?
    let limits: OutboxLimits
    let clock: OutboxClock
    private let connection: OutboxConnection

    public init(
        path: String = OutboxLocation.defaultPath(),
        limits: OutboxLimits = OutboxLimits(),
        clock: OutboxClock = .live()
    ) throws(OutboxError) {
        let (pool, recovery) = try OutboxDatabase.open(path: path, now: clock.now())
        self.path = path
        self.connection = OutboxConnection(path: path, pool: pool, recovery: recovery)
        self.recovery = recovery
        self.limits = limits
        self.clock = clock
    }

    // MARK: Queueing

    /// Commits `event` to disk. Returns false when an event with the same `event_id` is already queued or
    /// dead-lettered (the call is idempotent). A queued `progress` of the same session is dropped when a
    /// newer `progress` or a `stop` arrives; the caps are enforced in the same transaction.
    @discardableResult
    public func enqueue(_ event: PlaybackEvent) async throws(OutboxError) -> Bool {
        try await enqueue(contentsOf: [event]) == 1
    }

    /// Commits `events` in one transaction, in the given order; returns how many were new.
    @discardableResult
    public func enqueue(contentsOf events: [PlaybackEvent]) async throws(OutboxError) -> Int {
        let now = clock.now()
        let limits = limits
        return try await write { db in try Self.insert(events, into: db, now: now, limits: limits) }
    }

    /// Commits `events` like `enqueue(contentsOf:)`, but returns before the disk has them (see
    /// `UnflushedCommit`): they are in the file for everyone at once and go to the disk with the next
    /// `flushCommits()`. The intake commits this way so that a fresh event is sent while the disk catches up.
    @discardableResult
    func enqueueAheadOfFlush(contentsOf events: [PlaybackEvent]) async throws(OutboxError) -> Int {
        let now = clock.now()
        let limits = limits
        return try await perform { lease in
            try await lease.pool.writeWithoutTransaction { db in
                try UnflushedCommit.commit(db) { db in try Self.insert(events, into: db, now: now, limits: limits) }
            }
        }
    }

    /// Flushes every commit so far to the disk; after `enqueueAheadOfFlush(contentsOf:)`, the events are as
    /// safe as after `enqueue(contentsOf:)`.
    func flushCommits() async throws(OutboxError) {
        try await perform { lease in try await lease.pool.writeWithoutTransaction(UnflushedCommit.flush) }
    }

    /// Inserts `events` in order and applies the caps; returns how many were new.
    private static func insert(
        _ events: [PlaybackEvent],
        into db: Database,
        now: Int64,
        limits: OutboxLimits
    ) throws -> Int {
        var inserted = 0
        for event in events where try EventRows.insert(event, into: db, now: now) {
            inserted += 1
        }
        try EventRows.enforce(limits, in: db, now: now)
        return inserted
    }

    // MARK: Sessions across restarts

    /// The sessions with a `start` queued and no `stop` yet, oldest first.
    public func openSessions() async throws(OutboxError) -> [OpenSession] {
        try await read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT session_id, last_event FROM session WHERE is_open = 1 ORDER BY updated_at_ms"
            )
            return rows.compactMap { row in
                let text: String = row["last_event"]
                guard let event = try? EventRows.decode(text) else { return nil }
                return OpenSession(sessionID: row["session_id"], lastEvent: event)
            }
        }
    }

    // MARK: Inspection and user actions

    /// Everything `punchplay-mpris queue` shows, read in one transaction.
    public func snapshot() async throws(OutboxError) -> OutboxSnapshot {
        let now = clock.now()
        return try await read { db in try SnapshotReader.read(db, now: now) }
    }

    /// Puts dead letters back into the queue at their original place in the order (all of them when
    /// `eventIDs` is nil). Returns how many were moved.
    @discardableResult
    public func retryDeadLetters(eventIDs: [String]? = nil) async throws(OutboxError) -> Int {
        try await write { db in try DeadLetterRows.requeue(eventIDs: eventIDs, in: db) }
    }

    /// Deletes every pending event (unless `deadLettersOnly`) and every dead letter. Returns the counts.
    @discardableResult
    public func purge(deadLettersOnly: Bool = false) async throws(OutboxError) -> (events: Int, deadLetters: Int) {
        try await write { db in
            var events = 0
            if !deadLettersOnly {
                try db.execute(sql: "DELETE FROM event")
                events = db.changesCount
            }
            try db.execute(sql: "DELETE FROM dead_letter")
            return (events, db.changesCount)
        }
    }

    // MARK: Delivery (used by EventDelivery)

    func plan(pacing: PacingPolicy) async throws(OutboxError) -> DeliveryPlan {
        let now = clock.now()
        return try await perform { lease in
            var plan = try await lease.pool.read { db in try DeliveryRows.plan(db, now: now, pacing: pacing) }
            plan.databaseRecovery = lease.recovery
            return plan
        }
    }

    /// The file's stamp now, to tell whether anything was committed since an earlier read; nil when it cannot
    /// tell (the file has no WAL index mapped).
    func fileStamp() async -> OutboxFileStamp? {
        await connection.fileStamp()
    }

    func record(
        _ outcome: SendOutcome,
        for queued: QueuedEvent,
        bucket: TokenBucket
    ) async throws(OutboxError) -> Bool {
        let now = clock.now()
        return try await write { db in
            try DeliveryRows.record(outcome, for: queued, bucket: bucket, in: db, now: now)
        }
    }

    func buryUnreadable(_ unreadable: DeliveryPlan.Unreadable) async throws(OutboxError) {
        let now = clock.now()
        try await write { db in
            try DeliveryRows.buryUnreadable(seq: unreadable.sequence, reason: unreadable.reason, in: db, now: now)
        }
    }

    /// Makes the earliest back-off due now (a fresh event is a hint that the network may be back).
    func shortenEarliestWait() async throws(OutboxError) {
        let now = clock.now()
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE event SET next_attempt_at_ms = ? WHERE seq = (
                        SELECT seq FROM event WHERE next_attempt_at_ms > ? ORDER BY next_attempt_at_ms LIMIT 1)
                    """,
                arguments: [now, now]
            )
        }
    }

    /// Lifts the hold after the user logged in again; returns whether a hold was set.
    @discardableResult
    public func clearLoginRequired() async throws(OutboxError) -> Bool {
        try await write { db in
            try db.execute(
                sql:
                    "UPDATE delivery_state SET login_required_since_ms = NULL WHERE login_required_since_ms IS NOT NULL"
            )
            return db.changesCount > 0
        }
    }

    // MARK: Corruption found while running

    /// Every time the file was found corrupt and replaced since this store was opened (the open included),
    /// oldest first. The delivery loop publishes the one behind the file in use in
    /// `DeliveryState.databaseRecovery`.
    public func recoveries() async -> [CorruptionRecovery] {
        await connection.recoveries
    }

    // MARK: Transactions

    private func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(OutboxError) -> T {
        try await perform { lease in try await lease.pool.write(body) }
    }

    private func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(OutboxError) -> T {
        try await perform { lease in try await lease.pool.read(body) }
    }

    /// Runs `operation` on the current database; when it fails because the file is corrupt (or was replaced
    /// meanwhile), runs it once more on the fresh database. A second failure is reported, never looped on.
    private func perform<T: Sendable>(
        _ operation: (OutboxConnection.Lease) async throws -> T
    ) async throws(OutboxError) -> T {
        let lease = await connection.lease
        do {
            return try await operation(lease)
        } catch {
            guard let retry = try await connection.retryLease(after: error, on: lease, now: clock.now()) else {
                throw Self.outboxError(error)
            }
            do {
                return try await operation(retry)
            } catch {
                throw Self.outboxError(error)
            }
        }
    }

    private static func outboxError(_ error: any Error) -> OutboxError {
        if let error = error as? OutboxError { return error }
        return .storage("\(error)")
    }
}
