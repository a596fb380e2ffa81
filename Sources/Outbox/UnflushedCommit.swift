import GRDB
import GRDBSQLite

/// A commit split from its flush to the disk. The writer connection runs with `synchronous = FULL`, where
/// every commit waits for an `fdatasync` of the WAL (half a millisecond, several on a busy disk). The intake
/// commits fresh events without that wait, so the delivery loop can send them while the disk catches up, and
/// flushes the WAL right after. A committed event is in the file for every other connection and process, and
/// survives a crash of this one, from the commit on; only a power cut before the flush can take it back,
/// which is no worse than a power cut during a synced commit. Both steps run on the writer connection's own
/// queue (the WAL's file methods are the connection's).
enum UnflushedCommit {
    /// Runs `body` in a transaction committed without waiting for the disk, then puts the connection back to
    /// `synchronous = FULL` for every other commit, whether the transaction succeeded or not.
    static func commit<T>(_ db: Database, _ body: (Database) throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
        let result: Result<T, any Error>
        do {
            var value: T?
            try db.inTransaction {
                value = try body(db)
                return .commit
            }
            guard let value else { throw DatabaseError(message: "the commit produced no result") }
            result = .success(value)
        } catch {
            result = .failure(error)
        }
        try db.execute(sql: "PRAGMA synchronous = FULL")
        return try result.get()
    }

    /// Flushes the WAL of `db`'s main database to the disk, as a synced commit would have: SQLite's own
    /// `xSync` of the file (an `fdatasync`), with the flags a `synchronous = FULL` commit uses.
    static func flush(_ db: Database) throws {
        var file: UnsafeMutablePointer<sqlite3_file>?
        let found = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_JOURNAL_POINTER, &file)
        guard found == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: found), message: "the outbox's WAL was not found")
        }
        // No WAL open means nothing was written through it.
        guard let file, let sync = file.pointee.pMethods?.pointee.xSync else { return }
        let synced = sync(file, SQLITE_SYNC_NORMAL)
        guard synced == SQLITE_OK else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: synced), message: "the outbox's WAL could not be flushed")
        }
    }
}
