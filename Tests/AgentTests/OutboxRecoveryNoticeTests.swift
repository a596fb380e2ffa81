import Foundation
import GRDB
import Logging
import Outbox
import PlaybackModel
import PunchPlay
import TestSupport
import Testing

@testable import Agent

/// The agent tells the user when its outbox file turns out corrupt while it runs: once per replacement, in
/// the log and as a desktop notification, never for the corruption already reported at open.
@Suite("runtime: outbox replaced while running")
struct OutboxRecoveryNoticeTests {
    /// Accepts every event without sending it anywhere.
    struct AcceptingWriter: PlaybackWriting {
        func send(_ event: PlaybackEvent) async throws(PunchPlayError) -> PlaybackReceipt {
            PlaybackReceipt(ok: true)
        }
    }

    static func event(_ session: String, _ action: PlaybackAction = .start) -> PlaybackEvent {
        PlaybackEvent(
            action: action,
            payload: PlaybackPayload(
                mediaType: "movie",
                title: "Heat",
                playbackSessionID: session,
                eventID: "\(session)-\(action.rawValue)",
                eventCreatedAt: 1_800_000_000_000
            )
        )
    }

    @Test("a file damaged under the running agent: one error line and one notification naming where it went")
    func reportedOnce() async throws {
        let directory = NSTemporaryDirectory() + "punchplay-recovery-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/outbox.sqlite"
        let store = try OutboxStore(path: path)
        let delivery = EventDelivery(store: store, writer: AcceptingWriter())
        try await store.enqueue(contentsOf: (0..<500).map { Self.event("s\($0)", .stop) })
        try Self.overwritePages(of: path, from: 2)

        let sink = LoggingTestSink()
        let logger = Logger(label: "punchplay") { label in
            AgentLogHandler(
                label: label,
                formatter: LogLineFormatter(format: .journal),
                sink: sink,
                levelControl: LogLevelControl(level: .info)
            )
        }
        let (notices, noticed) = AsyncStream.makeStream(of: String.self)
        let service = OutboxRecoveryNoticeService(
            delivery: delivery,
            reportedAtOpen: store.recovery,
            notify: { _, body in noticed.yield(body) },
            logger: logger
        )
        let running = Task { try await service.run() }
        let delivering = Task { await delivery.run() }
        let intake = OutboxIntake(
            delivery: delivery, logger: Logger(label: "punchplay") { _ in SwiftLogNoOpLogHandler() })
        await intake.commit([Self.event("after")])
        await intake.commit([Self.event("later")])
        let body = try await withTimeout {
            var iterator = notices.makeAsyncIterator()
            return await iterator.next()
        }
        running.cancel()
        delivering.cancel()
        _ = try? await running.value
        noticed.finish()

        let recovery = try #require(await store.recoveries().first)
        #expect(body == recovery.message)
        #expect(body?.contains(recovery.movedTo) == true)
        var rest: [String] = []
        for await more in notices { rest.append(more) }
        #expect(rest.isEmpty, "reported more than once")
        #expect(sink.lines.filter { $0.contains(recovery.movedTo) }.count == 1)
    }

    /// Folds the WAL into the main file, then overwrites its pages from `first` (4 KiB each) with garbage.
    static func overwritePages(of path: String, from first: Int) throws {
        let queue = try DatabaseQueue(path: path)
        _ = try queue.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try queue.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64(4096 * first))
        handle.write(Data(repeating: 0x5A, count: size - 4096 * first))
        try handle.close()
    }
}
