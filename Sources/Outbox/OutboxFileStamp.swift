/// The outbox file's state as SQLite's WAL index counts it: the first copy of the index header, with the
/// transaction counter (`iChange`) and the frame count of the log (`mxFrame`) that SQLite keeps for its own
/// readers to notice changes (https://sqlite.org/walformat.html). Every commit, by this process or another,
/// changes it, so an outbox read empty under one stamp is still empty while the stamp stays the same. A copy of
/// 48 bytes of memory (`WALIndexView`) then stands in for the read through SQLite that the idle loop's
/// once-a-minute recheck would otherwise make, paging SQLite's and GRDB's code back into memory to find nothing.
///
/// File times would not do: they move in clock ticks, so a commit in the same tick as the one before, leaving
/// the log's size as it was (a log restarted after a checkpoint is overwritten in place), would go unseen. The
/// counter has no such window.
struct OutboxFileStamp: Sendable, Equatable {
    /// The header's length: its version, the transaction counter, the frame count, the salts and the checksums.
    static let length = 48
    /// The WAL-index format this stamp understands (`iVersion`, native byte order).
    static let walIndexVersion: UInt32 = 3_007_000

    private let walIndexHeader: [UInt8]

    /// The stamp of a header, or nil when it is not the format known (nothing may then be concluded from it).
    init?(walIndexHeader: [UInt8]) {
        guard walIndexHeader.count == Self.length,
            walIndexHeader.withUnsafeBytes({ $0.loadUnaligned(as: UInt32.self) }) == Self.walIndexVersion
        else { return nil }
        self.walIndexHeader = walIndexHeader
    }
}
