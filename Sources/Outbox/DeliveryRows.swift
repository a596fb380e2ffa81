import GRDB
import PlaybackModel

/// SQL for delivery: choosing the next event (per-session order, back-off, pauses, pacing) and recording
/// the outcome of an attempt.
enum DeliveryRows {
    static func plan(_ db: Database, now: Int64, pacing: PacingPolicy) throws -> DeliveryPlan {
        let state = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM delivery_state WHERE id = 1"))
        let candidateRow = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT seq, payload, attempts, next_attempt_at_ms, last_error FROM event e
                    WHERE (e.next_attempt_at_ms IS NULL OR e.next_attempt_at_ms <= ?)
                        AND NOT EXISTS (SELECT 1 FROM event p WHERE p.session_id = e.session_id AND p.seq < e.seq)
                    ORDER BY e.seq LIMIT 1
                    """
            ),
            arguments: [now]
        )
        let nextDue = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT min(next_attempt_at_ms) FROM event WHERE next_attempt_at_ms > ?"),
            arguments: [now]
        )
        var bucket = TokenBucket.full(pacing, at: now)
        if let tokens = state?["bucket_tokens"] as Double?, let updated = state?["bucket_updated_at_ms"] as Int64? {
            bucket = TokenBucket(tokens: tokens, updatedAt: min(updated, now)).refilled(pacing, at: now)
        }
        let pausedUntil = (state?["paused_until_ms"] as Int64?).flatMap { $0 > now ? $0 : nil }
        var candidate: QueuedEvent?
        var unreadable: DeliveryPlan.Unreadable?
        if let candidateRow {
            do {
                candidate = try queuedEvent(candidateRow)
            } catch {
                unreadable = DeliveryPlan.Unreadable(sequence: candidateRow["seq"], reason: "\(error)")
            }
        }
        return DeliveryPlan(
            candidate: candidate,
            unreadable: unreadable,
            nextDueAt: nextDue,
            loginRequired: (state?["login_required_since_ms"] as Int64?) != nil,
            pausedUntil: pausedUntil,
            bucket: bucket,
            pendingCount: state?["pending_count"] ?? 0
        )
    }

    /// Records `outcome`; returns true when it newly put delivery on hold for a login.
    static func record(
        _ outcome: SendOutcome,
        for queued: QueuedEvent,
        bucket: TokenBucket,
        in db: Database,
        now: Int64
    ) throws -> Bool {
        try db.cachedStatement(sql: "UPDATE delivery_state SET bucket_tokens = ?, bucket_updated_at_ms = ?")
            .execute(arguments: [bucket.tokens, bucket.updatedAt])
        switch outcome {
        case .delivered:
            try db.cachedStatement(sql: "DELETE FROM event WHERE seq = ?").execute(arguments: [queued.sequence])
            // A success means the path works: every backing-off session may try again now.
            try db.cachedStatement(
                sql: "UPDATE event SET next_attempt_at_ms = NULL WHERE next_attempt_at_ms IS NOT NULL"
            ).execute()
            try db.cachedStatement(
                sql: """
                    UPDATE delivery_state SET delivered_count = delivered_count + 1, last_success_at_ms = ?,
                        login_required_since_ms = NULL
                    """
            ).execute(arguments: [now])
            return false
        case .transient(let error, let nextAttemptAt, let pausedUntil):
            try db.execute(
                sql: "UPDATE event SET attempts = attempts + 1, next_attempt_at_ms = ?, last_error = ? WHERE seq = ?",
                arguments: [nextAttemptAt, error.description, queued.sequence]
            )
            try db.execute(
                sql: """
                    UPDATE delivery_state SET last_error = ?, last_error_at_ms = ?,
                        paused_until_ms = coalesce(?, paused_until_ms)
                    """,
                arguments: [error.description, now, pausedUntil]
            )
            return false
        case .permanent(let error):
            try DeadLetterRows.bury(seq: queued.sequence, error: error, in: db, now: now)
            try db.execute(
                sql: "UPDATE delivery_state SET last_error = ?, last_error_at_ms = ?",
                arguments: [error.description, now]
            )
            return false
        case .loginRequired(let error):
            let wasHeld =
                try Bool.fetchOne(
                    db,
                    sql: "SELECT login_required_since_ms IS NOT NULL FROM delivery_state"
                ) ?? false
            try db.execute(
                sql: """
                    UPDATE delivery_state SET last_error = ?, last_error_at_ms = ?,
                        login_required_since_ms = coalesce(login_required_since_ms, ?)
                    """,
                arguments: [error.description, now, now]
            )
            return !wasHeld
        }
    }

    /// Moves an event whose stored payload no longer decodes into the dead letters (never a crash).
    static func buryUnreadable(seq: Int64, reason: String, in db: Database, now: Int64) throws {
        let error = PunchPlayError(
            status: nil,
            code: "unreadable_event",
            message: "The stored event could not be read back: \(reason)",
            retryClass: .permanent
        )
        try DeadLetterRows.bury(seq: seq, error: error, in: db, now: now)
    }

    static func queuedEvent(_ row: Row) throws -> QueuedEvent {
        QueuedEvent(
            sequence: row["seq"],
            event: try EventRows.decode(row["payload"]),
            attempts: row["attempts"],
            nextAttemptAt: row["next_attempt_at_ms"],
            lastError: row["last_error"]
        )
    }
}
