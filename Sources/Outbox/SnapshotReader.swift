import GRDB

/// Reads the whole outbox into an `OutboxSnapshot`, sessions in the order their oldest event was queued.
enum SnapshotReader {
    static func read(_ db: Database, now: Int64) throws -> OutboxSnapshot {
        var sessions: [OutboxSnapshot.SessionQueue] = []
        var indexBySession: [String: Int] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT seq, session_id, payload, attempts, next_attempt_at_ms, last_error FROM event ORDER BY seq"
        )
        for row in rows {
            guard let queued = try? DeliveryRows.queuedEvent(row) else { continue }
            let sessionID: String = row["session_id"]
            if let index = indexBySession[sessionID] {
                sessions[index].events.append(queued)
            } else {
                indexBySession[sessionID] = sessions.count
                sessions.append(OutboxSnapshot.SessionQueue(sessionID: sessionID, events: [queued]))
            }
        }
        let state = try Row.fetchOne(db, sql: "SELECT * FROM delivery_state WHERE id = 1")
        let pausedUntil = (state?["paused_until_ms"] as Int64?).flatMap { $0 > now ? $0 : nil }
        let earliestBackOff = try Int64.fetchOne(db, sql: "SELECT min(next_attempt_at_ms) FROM event")
        var nextAttemptAt: Int64?
        if !rows.isEmpty {
            nextAttemptAt = max(earliestBackOff.map { max($0, now) } ?? now, pausedUntil ?? now)
            if sessions.contains(where: { $0.events.first?.nextAttemptAt == nil }) {
                nextAttemptAt = pausedUntil ?? now
            }
        }
        return OutboxSnapshot(
            pendingCount: rows.count,
            sessions: sessions,
            deadLetters: try DeadLetterRows.all(db),
            nextAttemptAt: nextAttemptAt,
            loginRequiredSince: state?["login_required_since_ms"],
            pausedUntil: pausedUntil,
            lastError: state?["last_error"],
            lastErrorAt: state?["last_error_at_ms"],
            lastSuccessAt: state?["last_success_at_ms"],
            deliveredCount: state?["delivered_count"] ?? 0,
            coalescedCount: state?["coalesced_count"] ?? 0,
            evictedCount: state?["evicted_count"] ?? 0
        )
    }
}
