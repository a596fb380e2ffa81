#if canImport(Glibc)
    import Glibc
#endif

/// The outbox file as seen from outside SQLite: `stat` of the database (a file replaced or checkpointed into),
/// and the header of the WAL index (`path-shm`), in which SQLite counts every transaction (`iChange`) and the
/// frames in the log (`mxFrame`) for its own readers to notice changes (https://sqlite.org/walformat.html).
/// Every commit, by this process or another, changes it, so an outbox read empty under one stamp is still empty
/// while the stamp stays the same. One `stat` and one 48-byte read then stand in for the read through SQLite that
/// the idle loop's once-a-minute recheck would otherwise make, paging SQLite's and GRDB's code back into memory
/// to find nothing.
///
/// File times alone would not do: they move in clock ticks, so a commit in the same tick as the one before,
/// leaving the log's size as it was (a log restarted after a checkpoint is overwritten in place), would go
/// unseen. The counter has no such window.
struct OutboxFileStamp: Sendable, Equatable {
    /// What `stat` says of one file; nil when there is no such file.
    private struct FileStatus: Sendable, Equatable {
        let device: UInt64
        let inode: UInt64
        let size: Int64
        let modifiedSeconds: Int
        let modifiedNanoseconds: Int

        init?(path: String) {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            size = Int64(status.st_size)
            modifiedSeconds = status.st_mtim.tv_sec
            modifiedNanoseconds = status.st_mtim.tv_nsec
        }
    }

    /// The WAL-index header's length: its version, the transaction counter, the frame count, the salts and
    /// the checksums (the first of its two copies).
    static let walIndexHeaderLength = 48
    /// The WAL-index format this stamp understands (`iVersion`, native byte order).
    static let walIndexVersion: UInt32 = 3_007_000

    private let database: FileStatus?
    private let walIndexHeader: [UInt8]?

    /// The stamp of the database at `path` now.
    init(path: String) {
        database = FileStatus(path: path)
        walIndexHeader = Self.readWALIndexHeader(path + "-shm")
    }

    /// Whether a later commit is sure to change this stamp: the WAL index was there, in the format known.
    /// Without it (the database not in WAL mode, the index gone), nothing may be concluded from the stamp.
    var isReliable: Bool {
        walIndexHeader != nil && database != nil
    }

    /// The header bytes of the WAL index at `path`, or nil when it cannot be read or is of another version.
    private static func readWALIndexHeader(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: walIndexHeaderLength)
        let count = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count == walIndexHeaderLength else { return nil }
        let version = header.withUnsafeBytes { $0.load(as: UInt32.self) }
        return version == walIndexVersion ? header : nil
    }
}
