import Foundation
import GRDB

/// Opens the outbox's SQLite file: creates its directory, turns on WAL with full synchronous commits (an
/// event committed is on disk, even across power loss), runs the migrations and reads the pages every later
/// operation starts from. A corrupt file is moved aside once and a fresh database created, so a bad file
/// never becomes a crash loop.
///
/// The open-time check is deliberately cheap (the header, the schema, the state row and both ends of the
/// queue: O(log n) pages), not a whole-file scan, so start-up stays fast with a large backlog. Damage
/// elsewhere in the file is found when an operation reads it: `OutboxConnection` then replaces the file
/// the same way (`replace(corrupt:reason:now:)`).
enum OutboxDatabase {
    static func open(path: String, now: Int64) throws(OutboxError) -> (DatabasePool, CorruptionRecovery?) {
        try createDirectory(for: path)
        do {
            return (try openChecked(path: path), nil)
        } catch let failure as CorruptDatabase {
            let movedTo = try moveAside(path: path, now: now)
            let recovery = CorruptionRecovery(originalPath: path, movedTo: movedTo, reason: failure.reason)
            return (try openFresh(path: path, noting: recovery, now: now), recovery)
        } catch {
            throw .unusableDatabase(path: path, reason: "\(error)")
        }
    }

    /// Closes `pool`, whose file SQLite reported corrupt during an operation, moves the file aside and opens
    /// a fresh database at the same path. The pool is closed first (waiting for the operations in flight) so
    /// no connection to the old file can touch the new file's write-ahead log.
    static func replace(
        corrupt pool: DatabasePool,
        path: String,
        reason: String,
        now: Int64
    ) throws(OutboxError) -> (DatabasePool, CorruptionRecovery) {
        do {
            try pool.close()
        } catch {
            throw .unusableDatabase(path: path, reason: "corrupt (\(reason)), and it could not be closed: \(error)")
        }
        let movedTo = try moveAside(path: path, now: now)
        let recovery = CorruptionRecovery(originalPath: path, movedTo: movedTo, reason: reason)
        return (try openFresh(path: path, noting: recovery, now: now), recovery)
    }

    /// True for the errors that mean the file itself is damaged or not a database.
    static func isCorruption(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        return error.message ?? "\(error.resultCode)"
    }

    private struct CorruptDatabase: Error {
        var reason: String
    }

    /// Opens the new database and records the recovery as its last error, so `punchplay-mpris queue` tells
    /// why the outbox is empty.
    private static func openFresh(
        path: String,
        noting recovery: CorruptionRecovery,
        now: Int64
    ) throws(OutboxError) -> DatabasePool {
        do {
            let pool = try openChecked(path: path)
            try pool.write { db in
                try db.execute(
                    sql: "UPDATE delivery_state SET last_error = ?, last_error_at_ms = ?",
                    arguments: [recovery.message, now]
                )
            }
            return pool
        } catch {
            throw .unusableDatabase(path: path, reason: "\(error)")
        }
    }

    private static func openChecked(path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "outbox"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch let error where isCorruption(error) {
            throw CorruptDatabase(reason: describe(error))
        }
        do {
            // GRDB's WAL set-up runs after `prepareDatabase` and lowers the writer to `synchronous = NORMAL`,
            // under which a commit may be lost on power failure; the writer is set back to FULL here.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try OutboxSchema.migrator.migrate(pool)
            try pool.read { db in
                _ = try Row.fetchOne(db, sql: "SELECT * FROM delivery_state WHERE id = 1")
                // One aggregate per query: SQLite answers a lone min() or max() from one edge of the tree.
                for table in ["event", "dead_letter"] {
                    _ = try Int64.fetchOne(db, sql: "SELECT min(seq) FROM \(table)")
                    _ = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM \(table)")
                }
            }
            return pool
        } catch let error where isCorruption(error) {
            try? pool.close()
            throw CorruptDatabase(reason: describe(error))
        }
    }

    private static func createDirectory(for path: String) throws(OutboxError) {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(
                atPath: directory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw .unusableDatabase(path: path, reason: "cannot create \(directory): \(error.localizedDescription)")
        }
    }

    /// Renames the file (and its WAL) to `<path>.corrupt-<milliseconds>` (with a counter if that name is
    /// taken); drops the shared-memory index.
    private static func moveAside(path: String, now: Int64) throws(OutboxError) -> String {
        let manager = FileManager.default
        var target = "\(path).corrupt-\(now)"
        var suffix = 1
        while manager.fileExists(atPath: target) || manager.fileExists(atPath: target + "-wal") {
            suffix += 1
            target = "\(path).corrupt-\(now)-\(suffix)"
        }
        do {
            try manager.moveItem(atPath: path, toPath: target)
            if manager.fileExists(atPath: path + "-wal") {
                try manager.moveItem(atPath: path + "-wal", toPath: target + "-wal")
            }
            if manager.fileExists(atPath: path + "-shm") {
                try manager.removeItem(atPath: path + "-shm")
            }
        } catch {
            throw .unusableDatabase(path: path, reason: "corrupt, and it could not be moved aside: \(error)")
        }
        return target
    }
}
