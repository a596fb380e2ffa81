import Foundation
import GRDB

/// Opens the outbox's SQLite file: creates its directory, turns on WAL with full synchronous commits (an
/// event committed is on disk, even across power loss), runs the migrations and checks the file's integrity.
/// A corrupt file is moved aside once and a fresh database created, so a bad file never becomes a crash loop.
enum OutboxDatabase {
    static func open(path: String, now: Int64) throws(OutboxError) -> (DatabasePool, CorruptionRecovery?) {
        try createDirectory(for: path)
        do {
            return (try openChecked(path: path), nil)
        } catch let failure as CorruptDatabase {
            let movedTo = try moveAside(path: path, now: now)
            let recovery = CorruptionRecovery(originalPath: path, movedTo: movedTo, reason: failure.reason)
            do {
                return (try openChecked(path: path), recovery)
            } catch {
                throw .unusableDatabase(path: path, reason: "\(error)")
            }
        } catch {
            throw .unusableDatabase(path: path, reason: "\(error)")
        }
    }

    private struct CorruptDatabase: Error {
        var reason: String
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
        } catch let error as DatabaseError where isCorruption(error) {
            throw CorruptDatabase(reason: error.message ?? "\(error.resultCode)")
        }
        do {
            let check = try pool.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
            guard check == "ok" else {
                try? pool.close()
                throw CorruptDatabase(reason: "integrity check failed: \(check ?? "no answer")")
            }
            try OutboxSchema.migrator.migrate(pool)
            return pool
        } catch let error as DatabaseError where isCorruption(error) {
            try? pool.close()
            throw CorruptDatabase(reason: error.message ?? "\(error.resultCode)")
        }
    }

    private static func isCorruption(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
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

    /// Renames the file (and its WAL) to `<path>.corrupt-<milliseconds>`; drops the shared-memory index.
    private static func moveAside(path: String, now: Int64) throws(OutboxError) -> String {
        let target = "\(path).corrupt-\(now)"
        let manager = FileManager.default
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
