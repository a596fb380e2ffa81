import BusTestSupport
import Logging
import PlaybackModel
import PunchPlay
import Testing

@testable import Agent

/// The outbox refusing writes while the agent runs (disk full, read-only): nothing is lost, order is kept,
/// and the user is told once when it starts and once when it ends.
@Suite("runtime: outbox writes refused for a while")
struct OutboxCommitterTests {
    /// An outbox whose disk refuses every commit until it is healed, then keeps what it is given.
    actor FlakyOutbox {
        struct DiskFull: Error, CustomStringConvertible {
            var description: String { "disk I/O error (no space left on device)" }
        }

        private var isFull = true
        private(set) var refusals = 0
        private(set) var stored: [String] = []
        private let (commits, committed) = AsyncStream.makeStream(of: Void.self)

        func heal() {
            isFull = false
        }

        func commit(_ events: [PlaybackEvent]) throws {
            if isFull {
                refusals += 1
                throw DiskFull()
            }
            for event in events where !stored.contains(event.payload.eventID) {
                stored.append(event.payload.eventID)
            }
            committed.yield()
        }

        nonisolated var successes: AsyncStream<Void> { commits }
    }

    static func event(_ id: String, _ action: PlaybackAction = .progress) -> PlaybackEvent {
        PlaybackEvent(
            action: action,
            payload: PlaybackPayload(mediaType: "movie", playbackSessionID: "s", eventID: id, eventCreatedAt: 1)
        )
    }

    static func committer(
        _ outbox: FlakyOutbox,
        sink: LoggingTestSink,
        maximumHeld: Int = 10_000
    ) -> OutboxCommitter {
        OutboxCommitter(
            commit: { events in try await outbox.commit(events) },
            committed: {},
            retryInterval: .milliseconds(20),
            maximumHeld: maximumHeld,
            logger: Logger(label: "punchplay-mpris.outbox") { label in
                AgentLogHandler(
                    label: label,
                    formatter: LogLineFormatter(format: .journal),
                    sink: sink,
                    levelControl: LogLevelControl(level: .info)
                )
            }
        )
    }

    @Test("events refused by the disk are kept and written in order by the retry, with one line each way")
    func heldUntilTheDiskRecovers() async throws {
        let outbox = FlakyOutbox()
        let sink = LoggingTestSink()
        let committer = Self.committer(outbox, sink: sink)
        await committer.write([Self.event("start-1", .start)])
        await committer.write([Self.event("pause-2", .pause), Self.event("resume-3", .resume)])
        #expect(await outbox.refusals == 2)
        #expect(await committer.heldCount == 3)
        await outbox.heal()
        try await withTimeout {
            for await _ in outbox.successes { return }
        }
        #expect(await outbox.stored == ["start-1", "pause-2", "resume-3"])
        #expect(await committer.heldCount == 0)
        await committer.write([Self.event("stop-4", .stop)])
        #expect(await outbox.stored == ["start-1", "pause-2", "resume-3", "stop-4"])
        #expect(sink.lines.filter { $0.contains("could not write") }.count == 1)
        #expect(sink.lines.filter { $0.contains("accepts writes again") }.count == 1)
        #expect(sink.lines.first?.contains("no space left on device") == true)
    }

    @Test("past the memory cap the oldest progress goes first; start, pause, resume and stop stay")
    func capDropsProgressFirst() async throws {
        let outbox = FlakyOutbox()
        let committer = Self.committer(outbox, sink: LoggingTestSink(), maximumHeld: 3)
        await committer.write([
            Self.event("start", .start), Self.event("progress-1"), Self.event("pause", .pause),
            Self.event("resume", .resume), Self.event("progress-2"),
        ])
        await outbox.heal()
        try await withTimeout {
            for await _ in outbox.successes { return }
        }
        #expect(await outbox.stored == ["start", "pause", "resume"])
    }
}
