import Foundation
import Testing

@testable import Outbox

@Suite("Rechecking an empty outbox")
struct EmptyOutboxRecheckTests {
    @Test("an empty outbox whose file is unchanged is not read again at its rechecks")
    func unchangedFileIsNotRead() async throws {
        let harness = try OutboxHarness()
        let loop = harness.start()
        defer { loop.cancel() }
        try await OutboxHarness.untilSleeping(on: harness.clock)
        let reads = await harness.delivery.planReads
        #expect(reads >= 1)

        try await harness.advanceWhenSleeping(by: .milliseconds(harness.recheckInterval * 3))
        try await OutboxHarness.untilSleeping(on: harness.clock)
        #expect(await harness.delivery.planReads == reads)
        #expect(await harness.delivery.currentState.phase == .idle)
    }

    @Test("an event another connection commits to the empty outbox goes out at the next recheck")
    func commitByAnotherConnectionIsNoticed() async throws {
        let harness = try OutboxHarness()
        let loop = harness.start()
        defer { loop.cancel() }
        try await harness.advanceWhenSleeping(by: .milliseconds(harness.recheckInterval))
        try await OutboxHarness.untilSleeping(on: harness.clock)
        let reads = await harness.delivery.planReads

        // The loop hears of no arrival: only the file tells it, as with `queue` or an agent in another session.
        let other = try OutboxStore(path: harness.path, clock: harness.outboxClock)
        try await other.enqueue(Events.make(.start, at: 0))
        try await harness.advanceWhenSleeping(by: .milliseconds(harness.recheckInterval))
        try await harness.writer.waitForSends(1)
        #expect(await harness.writer.sent.map(\.event.payload.eventID) == ["s1-start-0"])
        #expect(await harness.delivery.planReads > reads)
    }

    @Test("a commit changes the file's stamp; a read does not")
    func stampFollowsCommits() async throws {
        let harness = try OutboxHarness()
        try await harness.store.enqueue(Events.make(.start, at: 0))
        let committed = try #require(await harness.store.fileStamp())
        _ = try await harness.store.snapshot()
        #expect(await harness.store.fileStamp() == committed)

        try await harness.store.enqueue(Events.make(.progress, at: 1000))
        #expect(await harness.store.fileStamp() != committed)

        let other = try OutboxStore(path: harness.path, clock: harness.outboxClock)
        let beforeOther = try #require(await harness.store.fileStamp())
        try await other.enqueue(Events.make(.progress, at: 2000))
        #expect(await harness.store.fileStamp() != beforeOther)
    }

    @Test("reading the stamp leaves every lock SQLite holds on the WAL index in place")
    func stampKeepsSQLiteLocks() async throws {
        let harness = try OutboxHarness()
        try await harness.store.enqueue(Events.make(.start, at: 0))
        let held = try Self.locksHeld(on: harness.path + "-shm")
        // At least the shared lock on the index's DMS byte, which tells other processes the index is in use.
        #expect(!held.isEmpty)

        for _ in 0..<3 { _ = try #require(await harness.store.fileStamp()) }
        #expect(try Self.locksHeld(on: harness.path + "-shm") == held)
    }

    @Test("only the WAL-index format SQLite writes today makes a stamp")
    func stampNeedsTheKnownFormat() throws {
        var header = [UInt8](repeating: 7, count: OutboxFileStamp.length)
        withUnsafeBytes(of: OutboxFileStamp.walIndexVersion) { header.replaceSubrange(0..<4, with: $0) }
        #expect(OutboxFileStamp(walIndexHeader: header) != nil)
        #expect(OutboxFileStamp(walIndexHeader: Array(header.dropLast())) == nil)
        header[0] ^= 1
        #expect(OutboxFileStamp(walIndexHeader: header) == nil)
    }

    /// The POSIX locks this process holds on the file at `path`, as `/proc/locks` lists them (access and byte
    /// range). Closing any descriptor of the file would make them vanish.
    private static func locksHeld(on path: String) throws -> [String] {
        var status = stat()
        try #require(stat(path, &status) == 0)
        let pid = String(getpid())
        let inode = String(status.st_ino)
        let table = try String(contentsOfFile: "/proc/locks", encoding: .utf8)
        return table.split(separator: "\n").compactMap { line in
            // "1: POSIX  ADVISORY  READ 4242 00:2e:131 128 128"; waiters carry a "->" before POSIX.
            let fields = line.split(separator: " ").filter { $0 != "->" }
            guard fields.count == 8, fields[1] == "POSIX", fields[4] == pid,
                fields[5].split(separator: ":").last.map(String.init) == inode
            else { return nil }
            return "\(fields[3]) \(fields[6])-\(fields[7])"
        }.sorted()
    }
}
