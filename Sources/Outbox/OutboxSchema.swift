import GRDB

/// The outbox's schema as GRDB migrations. The rules that must never break live in the schema itself
/// (checks, uniqueness, the single state row), so no code path can store an event the service would
/// misread.
enum OutboxSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: events, dead letters, sessions, delivery state") { db in
            try db.execute(sql: version1)
        }
        migrator.registerMigration("v2: pending count kept by triggers") { db in
            try db.execute(sql: version2)
        }
        return migrator
    }

    /// `eviction_rank`: 0 progress, 1 pause/resume, 2 start, 3 stop — the order the size cap evicts in.
    private static let version1 = """
        CREATE TABLE event (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL UNIQUE CHECK (length(event_id) BETWEEN 1 AND 200),
            session_id TEXT NOT NULL CHECK (length(session_id) BETWEEN 1 AND 200),
            action TEXT NOT NULL CHECK (action IN ('start', 'pause', 'resume', 'progress', 'stop')),
            eviction_rank INTEGER NOT NULL CHECK (eviction_rank = CASE action
                WHEN 'progress' THEN 0 WHEN 'pause' THEN 1 WHEN 'resume' THEN 1 WHEN 'start' THEN 2 ELSE 3 END),
            created_at_ms INTEGER NOT NULL CHECK (created_at_ms >= 0),
            enqueued_at_ms INTEGER NOT NULL,
            payload TEXT NOT NULL CHECK (json_valid(payload)),
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            next_attempt_at_ms INTEGER,
            last_error TEXT
        );
        CREATE INDEX event_by_session ON event(session_id, seq);
        CREATE INDEX event_by_eviction ON event(eviction_rank, seq);
        CREATE INDEX event_by_creation ON event(created_at_ms);
        CREATE INDEX event_by_due ON event(next_attempt_at_ms) WHERE next_attempt_at_ms IS NOT NULL;

        CREATE TABLE dead_letter (
            seq INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE CHECK (length(event_id) BETWEEN 1 AND 200),
            session_id TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('start', 'pause', 'resume', 'progress', 'stop')),
            created_at_ms INTEGER NOT NULL,
            enqueued_at_ms INTEGER NOT NULL,
            payload TEXT NOT NULL,
            attempts INTEGER NOT NULL CHECK (attempts >= 0),
            status INTEGER,
            error_code TEXT,
            message TEXT NOT NULL,
            request_id TEXT,
            failed_at_ms INTEGER NOT NULL
        );
        CREATE INDEX dead_letter_by_failure ON dead_letter(failed_at_ms);

        CREATE TABLE session (
            session_id TEXT PRIMARY KEY NOT NULL CHECK (length(session_id) BETWEEN 1 AND 200),
            last_event TEXT NOT NULL CHECK (json_valid(last_event)),
            last_created_at_ms INTEGER NOT NULL,
            is_open INTEGER NOT NULL CHECK (is_open IN (0, 1)),
            updated_at_ms INTEGER NOT NULL
        );
        CREATE INDEX session_by_update ON session(is_open, updated_at_ms);

        CREATE TABLE delivery_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            login_required_since_ms INTEGER,
            paused_until_ms INTEGER,
            last_error TEXT,
            last_error_at_ms INTEGER,
            last_success_at_ms INTEGER,
            delivered_count INTEGER NOT NULL DEFAULT 0 CHECK (delivered_count >= 0),
            coalesced_count INTEGER NOT NULL DEFAULT 0 CHECK (coalesced_count >= 0),
            evicted_count INTEGER NOT NULL DEFAULT 0 CHECK (evicted_count >= 0),
            bucket_tokens REAL,
            bucket_updated_at_ms INTEGER
        );
        INSERT INTO delivery_state (id) VALUES (1);
        """

    /// The number of queued events, kept by the schema on every insert and delete whatever the code path
    /// (coalescing, eviction, dead letters, purge), so the delivery loop and the size cap read it in O(1)
    /// instead of counting 100,000 rows on every step.
    private static let version2 = """
        ALTER TABLE delivery_state ADD COLUMN pending_count INTEGER NOT NULL DEFAULT 0 CHECK (pending_count >= 0);
        UPDATE delivery_state SET pending_count = (SELECT count(*) FROM event);
        CREATE TRIGGER event_counted_in AFTER INSERT ON event BEGIN
            UPDATE delivery_state SET pending_count = pending_count + 1 WHERE id = 1;
        END;
        CREATE TRIGGER event_counted_out AFTER DELETE ON event BEGIN
            UPDATE delivery_state SET pending_count = pending_count - 1 WHERE id = 1;
        END;
        """
}
