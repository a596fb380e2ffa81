#if canImport(Glibc)
    import Glibc
#endif

/// The outbox file as `stat` sees it: identity, size and times of the database and of its write-ahead log.
/// Every commit, by this process or another, rewrites one of them, so an outbox read empty under one stamp is
/// still empty while the stamp stays the same. Two `stat` calls then stand in for the read through SQLite that
/// the idle loop's once-a-minute recheck would otherwise make, paging SQLite's and GRDB's code back into
/// memory to find nothing.
struct OutboxFileStamp: Sendable, Equatable {
    /// What `stat` says of one file; nil when there is no such file.
    private struct FileStatus: Sendable, Equatable {
        let device: UInt64
        let inode: UInt64
        let size: Int64
        let modified: timespec
        let changed: timespec

        init?(path: String) {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            size = Int64(status.st_size)
            modified = status.st_mtim
            changed = status.st_ctim
        }

        static func == (left: FileStatus, right: FileStatus) -> Bool {
            left.device == right.device && left.inode == right.inode && left.size == right.size
                && left.modified.tv_sec == right.modified.tv_sec && left.modified.tv_nsec == right.modified.tv_nsec
                && left.changed.tv_sec == right.changed.tv_sec && left.changed.tv_nsec == right.changed.tv_nsec
        }
    }

    private let database: FileStatus?
    private let log: FileStatus?

    /// The stamp of the database at `path` and of its log (`path-wal`) now.
    init(path: String) {
        database = FileStatus(path: path)
        log = FileStatus(path: path + "-wal")
    }

    /// How long until a later commit is sure to change this stamp; nil when it already is. File times come
    /// from a clock that moves in ticks, so a commit in the same tick as the last one could leave every time
    /// as it was; once the newest time is a tick old, any later commit gets a later time.
    func timeUntilSettled(now: timespec = .realTimeNow) -> Duration? {
        let times = [database, log].compactMap { $0 }.flatMap { [$0.modified, $0.changed] }
        guard let newest = times.max(by: { $0.duration < $1.duration }) else { return nil }
        let settledAt = newest.duration + Self.tick(of: times)
        return now.duration < settledAt ? settledAt - now.duration : nil
    }

    /// The longest a file-time tick can be, judged from the times themselves: a few milliseconds on the file
    /// systems that store nanoseconds (the kernel's coarse clock), two seconds on those that keep whole
    /// seconds only (FAT's resolution).
    static func tick(of times: [timespec]) -> Duration {
        times.allSatisfy { $0.tv_nsec == 0 } ? .seconds(2) : .milliseconds(50)
    }
}

extension timespec {
    /// The wall clock now, as the file system stamps times.
    static var realTimeNow: timespec {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now
    }

    /// The time since the epoch.
    fileprivate var duration: Duration {
        .seconds(tv_sec) + .nanoseconds(tv_nsec)
    }
}
