import GRDB
import PlaybackModel

/// SQL for the `dead_letter` table: moving a refused event in, reading it back, and requeueing it.
enum DeadLetterRows {
    /// Moves the event with `seq` from the queue into the dead letters, with the service's answer.
    static func bury(seq: Int64, error: PunchPlayError, in db: Database, now: Int64) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO dead_letter (seq, event_id, session_id, action, created_at_ms, enqueued_at_ms,
                    payload, attempts, status, error_code, message, request_id, failed_at_ms)
                SELECT seq, event_id, session_id, action, created_at_ms, enqueued_at_ms,
                    payload, attempts + 1, ?, ?, ?, ?, ?
                FROM event WHERE seq = ?
                """,
            arguments: [error.status, error.code, error.message, error.requestID, now, seq]
        )
        try db.execute(sql: "DELETE FROM event WHERE seq = ?", arguments: [seq])
    }

    /// Requeues dead letters at their original sequence (so the order among them and their sessions holds).
    static func requeue(eventIDs: [String]?, in db: Database) throws -> Int {
        let filter: String
        var arguments = StatementArguments()
        if let eventIDs {
            guard !eventIDs.isEmpty else { return 0 }
            filter = "event_id IN (\(Array(repeating: "?", count: eventIDs.count).joined(separator: ", ")))"
            arguments = StatementArguments(eventIDs)
        } else {
            filter = "1"
        }
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO event (seq, event_id, session_id, action, eviction_rank, created_at_ms,
                    enqueued_at_ms, payload, attempts)
                SELECT seq, event_id, session_id, action,
                    CASE action WHEN 'progress' THEN 0 WHEN 'pause' THEN 1 WHEN 'resume' THEN 1
                        WHEN 'start' THEN 2 ELSE 3 END,
                    created_at_ms, enqueued_at_ms, payload, 0
                FROM dead_letter WHERE json_valid(payload) AND \(filter)
                """,
            arguments: arguments
        )
        let moved = db.changesCount
        try db.execute(
            sql: "DELETE FROM dead_letter WHERE seq IN (SELECT seq FROM event) AND \(filter)",
            arguments: arguments
        )
        return moved
    }

    static func all(_ db: Database) throws -> [DeadLetter] {
        try Row.fetchAll(db, sql: "SELECT * FROM dead_letter ORDER BY seq").map { row in
            DeadLetter(
                sequence: row["seq"],
                event: try? EventRows.decode(row["payload"]),
                eventID: row["event_id"],
                sessionID: row["session_id"],
                action: row["action"],
                attempts: row["attempts"],
                status: row["status"],
                errorCode: row["error_code"],
                message: row["message"],
                requestID: row["request_id"],
                failedAt: row["failed_at_ms"]
            )
        }
    }
}
