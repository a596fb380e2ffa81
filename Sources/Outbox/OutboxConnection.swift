import GRDB

/// The outbox's open database, replaceable while the agent runs. When an operation finds the file corrupt
/// (SQLite answers `SQLITE_CORRUPT` or `SQLITE_NOTADB`, which the cheap open-time check cannot rule out),
/// the file is moved aside and a fresh database opened at the same path, once for everyone: operations that
/// raced with the replacement see a newer generation and retry on the new database instead of failing.
/// An actor, so handing out the current database and replacing it never interleave.
actor OutboxConnection {
    /// The database an operation runs on, which replacement it belongs to and the recovery that created it
    /// (nil for a healthy file opened as it was).
    struct Lease: Sendable {
        let pool: DatabasePool
        let generation: Int
        let recovery: CorruptionRecovery?
    }

    let path: String
    private(set) var lease: Lease
    /// Every time the file was found corrupt and replaced since the store was opened, the open included.
    private(set) var recoveries: [CorruptionRecovery]
    /// The current database's WAL index, once SQLite has mapped it; dropped with the database it belongs to.
    private var walIndex: WALIndexView?

    init(path: String, pool: DatabasePool, recovery: CorruptionRecovery?) {
        self.path = path
        lease = Lease(pool: pool, generation: 0, recovery: recovery)
        recoveries = recovery.map { [$0] } ?? []
    }

    /// What to retry on after `error` failed an operation on `failed`: the current database when it has been
    /// replaced since, a fresh one when `error` says the file is corrupt, nil when the error is not about the
    /// file (the caller reports it).
    func retryLease(after error: any Error, on failed: Lease, now: Int64) throws(OutboxError) -> Lease? {
        if failed.generation != lease.generation { return lease }
        guard OutboxDatabase.isCorruption(error) else { return nil }
        let (pool, recovery) = try OutboxDatabase.replace(
            corrupt: failed.pool,
            path: path,
            reason: OutboxDatabase.describe(error),
            now: now
        )
        walIndex = nil
        lease = Lease(pool: pool, generation: lease.generation + 1, recovery: recovery)
        recoveries.append(recovery)
        return lease
    }

    /// The current database's stamp now; nil when it has no WAL index to read (yet).
    func fileStamp() async -> OutboxFileStamp? {
        if walIndex == nil {
            let current = lease
            let view = await WALIndexView(of: current.pool)
            // The database may have been replaced while SQLite was asked; a view of the old one is dropped.
            guard current.generation == lease.generation else { return nil }
            walIndex = view
        }
        return walIndex?.stamp()
    }
}
