import Foundation
import GRDB
import PlaybackModel

/// SQL for the `event` and `session` tables: inserting with coalescing and the session order rule,
/// decoding stored events, and enforcing the size and age caps.
enum EventRows {
    /// Inserts one event; false when its `event_id` is already known.
    static func insert(_ event: PlaybackEvent, into db: Database, now: Int64) throws -> Bool {
        let payload = event.payload
        let known = try Bool.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT EXISTS (SELECT 1 FROM event WHERE event_id = ?1)
                        OR EXISTS (SELECT 1 FROM dead_letter WHERE event_id = ?1)
                    """
            ),
            arguments: [payload.eventID]
        )
        if known == true { return false }
        let previous = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT last_created_at_ms FROM session WHERE session_id = ?"),
            arguments: [payload.playbackSessionID]
        )
        if let previous, payload.eventCreatedAt <= previous {
            throw OutboxError.outOfOrder(eventID: payload.eventID, sessionID: payload.playbackSessionID)
        }
        if event.action == .progress || event.action == .stop {
            try db.cachedStatement(sql: "DELETE FROM event WHERE session_id = ? AND action = 'progress'")
                .execute(arguments: [payload.playbackSessionID])
            let coalesced = db.changesCount
            if coalesced > 0 {
                try db.cachedStatement(sql: "UPDATE delivery_state SET coalesced_count = coalesced_count + ?")
                    .execute(arguments: [coalesced])
            }
        }
        let text = try encode(event)
        try db.cachedStatement(
            sql: """
                INSERT INTO event (event_id, session_id, action, eviction_rank, created_at_ms, enqueued_at_ms, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            payload.eventID, payload.playbackSessionID, event.action.rawValue, OutboxLimits.evictionRank(event.action),
            payload.eventCreatedAt, now, text,
        ])
        try db.cachedStatement(
            sql: """
                INSERT INTO session (session_id, last_event, last_created_at_ms, is_open, updated_at_ms)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (session_id) DO UPDATE SET
                    last_event = ?2, last_created_at_ms = ?3, is_open = ?4, updated_at_ms = ?5
                """
        ).execute(arguments: [payload.playbackSessionID, text, payload.eventCreatedAt, event.action != .stop, now])
        return true
    }

    /// Applies the caps: age first (everything older goes), then size (lowest rank, oldest first).
    static func enforce(_ limits: OutboxLimits, in db: Database, now: Int64) throws {
        let oldest = now - limits.maximumAge.wholeMilliseconds
        try db.cachedStatement(sql: "DELETE FROM event WHERE created_at_ms < ?").execute(arguments: [oldest])
        var evicted = db.changesCount
        try db.cachedStatement(sql: "DELETE FROM dead_letter WHERE failed_at_ms < ?").execute(arguments: [oldest])
        // `is_open IN (0, 1)` lets SQLite seek `session_by_update` instead of scanning every session.
        try db.cachedStatement(sql: "DELETE FROM session WHERE is_open IN (0, 1) AND updated_at_ms < ?")
            .execute(arguments: [oldest])
        let count = try Int.fetchOne(db.cachedStatement(sql: "SELECT pending_count FROM delivery_state")) ?? 0
        if count > limits.maximumEvents {
            try db.cachedStatement(
                sql: "DELETE FROM event WHERE seq IN (SELECT seq FROM event ORDER BY eviction_rank, seq LIMIT ?)"
            ).execute(arguments: [count - limits.maximumEvents])
            evicted += db.changesCount
        }
        if evicted > 0 {
            try db.cachedStatement(sql: "UPDATE delivery_state SET evicted_count = evicted_count + ?")
                .execute(arguments: [evicted])
        }
    }

    static func encode(_ event: PlaybackEvent) throws -> String {
        let encoder = JSONEncoder()
        do {
            return String(decoding: try encoder.encode(event), as: UTF8.self)
        } catch {
            throw OutboxError.unencodable(eventID: event.payload.eventID, reason: "\(error)")
        }
    }

    static func decode(_ text: String) throws -> PlaybackEvent {
        try JSONDecoder().decode(PlaybackEvent.self, from: Data(text.utf8))
    }
}
