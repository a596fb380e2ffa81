import GRDB
import GRDBSQLite

/// The header of an open outbox's WAL index (`path-shm`), read in the memory where SQLite maps it for the pool's
/// writer connection. The header holds the transaction counter and the frame count SQLite keeps for its own
/// readers (https://sqlite.org/walformat.html), so a copy of its first bytes tells whether anything was committed
/// since, by this process or another, with no system call and no SQL statement.
///
/// The file is not read through a descriptor of its own: closing any descriptor of a file drops every POSIX lock
/// the process holds on it, SQLite's included (https://sqlite.org/howtocorrupt.html, section 2.2). Another
/// process then finds the WAL index unowned, rebuilds and truncates it, and this process's connections crash
/// on the memory they had mapped. Asking SQLite's own file for its mapping (`xShmMap` without extending it)
/// opens and closes nothing.
///
/// The mapping lasts as long as the writer connection, so the view holds the pool, and whoever closes the pool
/// (`OutboxConnection`, when it replaces a corrupt file) drops the view with it.
final class WALIndexView {
    /// The size of a WAL-index page, which SQLite maps whole (`WALINDEX_PGSZ`).
    private static let pageSize: Int32 = 32_768

    private let pool: DatabasePool
    private let header: UnsafeRawPointer

    /// The view of `pool`'s WAL index, or nil when SQLite has none mapped (a database not in WAL mode).
    init?(of pool: DatabasePool) async {
        let address = try? await pool.writeWithoutTransaction { db -> UInt? in
            Self.walIndexAddress(db.sqliteConnection)
        }
        guard let address = address ?? nil, let header = UnsafeRawPointer(bitPattern: address) else { return nil }
        self.pool = pool
        self.header = header
    }

    /// The header as it is now. SQLite may be writing it meanwhile (a commit, here or in another process); a
    /// copy caught halfway differs from the one before it, so it costs one more read and never hides a commit.
    func stamp() -> OutboxFileStamp? {
        OutboxFileStamp(walIndexHeader: Array(UnsafeRawBufferPointer(start: header, count: OutboxFileStamp.length)))
    }

    /// Where the first page of the WAL index of `connection`'s main database is mapped. Run on the connection's
    /// own queue: the file methods are the connection's.
    private static func walIndexAddress(_ connection: OpaquePointer?) -> UInt? {
        var file: UnsafeMutablePointer<sqlite3_file>?
        guard sqlite3_file_control(connection, "main", SQLITE_FCNTL_FILE_POINTER, &file) == SQLITE_OK,
            let file, let methods = file.pointee.pMethods, methods.pointee.iVersion >= 2,
            let mapPage = methods.pointee.xShmMap
        else { return nil }
        var page: UnsafeMutableRawPointer?
        guard mapPage(file, 0, pageSize, 0, &page) == SQLITE_OK, let page else { return nil }
        return UInt(bitPattern: page)
    }
}
