import Foundation
import GRDB
import Testing

@testable import Outbox

@Suite("Corrupt database file: moved aside with a message, a fresh outbox, never a crash loop")
struct CorruptionRecoveryTests {
    @Test("a garbage database file is moved aside at open with a message and a fresh outbox starts")
    func garbageFileMovedAsideAtOpen() async throws {
        let directory = OutboxHarness.temporaryDirectory()
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        _ = FileManager.default.createFile(atPath: directory + "/outbox.sqlite", contents: garbage)
        let harness = try OutboxHarness(directory: directory)
        let recovery = try #require(harness.store.recovery)
        #expect(recovery.message.contains("moved to"))
        #expect(FileManager.default.contents(atPath: recovery.movedTo) == garbage)
        #expect(await harness.store.recoveries() == [recovery])
        try await harness.store.enqueue(Events.make(.start, at: 0))
        let snapshot = try await harness.store.snapshot()
        #expect(snapshot.pendingCount == 1)
        #expect(snapshot.lastError == recovery.message)
    }

    @Test("damaged pages the cheap open check does not read are found by the first operation that reads them")
    func damagedPagesFoundByAnOperation() async throws {
        let directory = OutboxHarness.temporaryDirectory()
        do {
            let harness = try OutboxHarness(directory: directory)
            try await harness.store.enqueue(contentsOf: (0..<500).map { Events.make(.stop, session: "s\($0)", at: 1) })
        }
        try Self.damage(directory + "/outbox.sqlite", from: 3, count: 4)
        let reopened = try OutboxHarness(directory: directory)
        let snapshot = try await reopened.store.snapshot()
        #expect(snapshot.pendingCount == 0)
        let recoveries = await reopened.store.recoveries()
        #expect(recoveries.count == 1)
        let recovery = try #require(recoveries.first)
        #expect(recovery.reason.contains("malformed"))
        #expect(FileManager.default.fileExists(atPath: recovery.movedTo))
        #expect(snapshot.lastError?.contains(recovery.movedTo) == true)
    }

    @Test("a file damaged while the outbox is open: the enqueue that finds it lands in a fresh file, delivery goes on")
    func corruptionFoundWhileRunning() async throws {
        let harness = try OutboxHarness()
        try await harness.store.enqueue(contentsOf: (0..<500).map { Events.make(.stop, session: "s\($0)", at: 1) })
        try Self.damage(harness.path, from: 2)

        #expect(try await harness.store.enqueue(Events.make(.start, session: "after", at: 2)))

        let recovery = try #require(await harness.store.recoveries().first)
        #expect(harness.store.recovery == nil, "the file was healthy at open")
        #expect(recovery.originalPath == harness.path)
        #expect(FileManager.default.fileExists(atPath: recovery.movedTo))
        let queued = try await harness.store.snapshot().sessions.flatMap(\.events).map(\.event.payload.eventID)
        #expect(queued == ["after-start-2"])
        #expect(await harness.delivery.drain(within: .seconds(2)) == 0)
        #expect(await harness.writer.sent.map(\.event.payload.eventID) == ["after-start-2"])
        #expect(await harness.delivery.currentState.databaseRecovery == recovery)
    }

    @Test("after a corrupt file is replaced, the file's stamp is read from the fresh file and follows its commits")
    func stampFollowsTheFreshFile() async throws {
        let harness = try OutboxHarness()
        try await harness.store.enqueue(contentsOf: (0..<500).map { Events.make(.stop, session: "s\($0)", at: 1) })
        _ = try #require(await harness.store.fileStamp())
        try Self.damage(harness.path, from: 2)
        try await harness.store.enqueue(Events.make(.start, session: "after", at: 2))
        #expect(await harness.store.recoveries().count == 1)

        let fresh = try #require(await harness.store.fileStamp())
        try await harness.store.enqueue(Events.make(.stop, session: "after", at: 3))
        #expect(await harness.store.fileStamp() != fresh)
    }

    @Test("operations racing into the same corrupt file replace it once and all succeed on the fresh one")
    func concurrentOperationsReplaceOnce() async throws {
        let harness = try OutboxHarness()
        try await harness.store.enqueue(contentsOf: (0..<500).map { Events.make(.stop, session: "s\($0)", at: 1) })
        try Self.damage(harness.path, from: 2)
        let store = harness.store
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try await store.snapshot().pendingCount }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 0, count: 8))
        #expect(await store.recoveries().count == 1)
    }

    /// Overwrites `count` pages (4 KiB each, all up to the end when nil) from page `first` (0-based) of the
    /// main file with garbage, after folding the WAL into it, as a failing disk or a stray write would.
    private static func damage(_ path: String, from first: Int, count: Int? = nil) throws {
        let queue = try DatabaseQueue(path: path)
        _ = try queue.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try queue.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let pages = count ?? (size / 4096 - first)
        try #require(pages > 0 && (first + pages) * 4096 <= size)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64(4096 * first))
        handle.write(Data(repeating: 0xA5, count: 4096 * pages))
        try handle.close()
    }
}
