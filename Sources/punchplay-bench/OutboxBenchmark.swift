import ArgumentParser
import Foundation
import Outbox
import PlaybackModel
import PunchPlay

/// The outbox backlog: enqueue rate (one transaction per event, as the agent does, and in batches), the
/// cost of the size cap on 100,000 events, start-up time with a 100,000-event backlog, and drain rate with
/// a service that answers at once. On disk, with full synchronous commits.
struct OutboxBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "Outbox enqueue, cap, start-up and drain figures on a 100,000-event backlog."
    )

    @Option(help: "Timed runs; the median and spread over them are reported.")
    var runs = 3

    @Option(help: "Events in the backlog.")
    var backlog = 100_000

    @Option(help: "Events enqueued one transaction each.")
    var single = 1_000

    @Option(help: "Events drained through the delivery loop.")
    var drained = 10_000

    @Option(help: "Directory for the databases (default: the temporary directory).")
    var directory = NSTemporaryDirectory()

    func run() async throws {
        var figures: [String: [Double]] = [:]
        for run in 0..<runs {
            let folder = directory + "/outbox-bench-\(getpid())-\(run)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            for (name, value) in try await measureOnce(in: folder) {
                figures[name, default: []].append(value)
            }
        }
        print("outbox: backlog \(backlog) events, \(single) single enqueues, \(drained) drained, \(runs) runs")
        for name in figures.keys.sorted() {
            let statistics = RunStatistics(rates: figures[name] ?? [])
            if name.hasSuffix(" ms") {
                let format = RunStatistics.format
                print(
                    "outbox \(name): median \(format(statistics.median)) ms (min \(format(statistics.minimum)), "
                        + "max \(format(statistics.maximum)) over \(statistics.rates.count) runs)"
                )
            } else {
                print("outbox \(name): \(statistics.report(unit: "events"))")
            }
        }
    }

    private func measureOnce(in folder: String) async throws -> [(String, Double)] {
        let clock = ContinuousClock()
        let large = folder + "/backlog.sqlite"
        let backlogEvents = Self.events(count: backlog, offset: 0)
        let oneByOne = try await enqueueRate(
            Self.events(count: single, offset: 0),
            batch: 1,
            into: folder + "/single.sqlite"
        )
        let batched = try await enqueueRate(
            backlogEvents,
            batch: 1_000,
            into: large,
            limits: OutboxLimits(maximumEvents: backlog)
        )
        let intoCap = try await enqueueRate(backlogEvents, batch: 1_000, into: folder + "/capped.sqlite")
        var figures = [
            ("enqueue one per transaction", oneByOne),
            ("enqueue batches of 1000", batched),
            ("enqueue into the 10,000 cap", intoCap),
        ]

        // The stores above are closed by now (their last connection folded the WAL into the file), so this
        // opens the backlog the way a new agent process does.
        var start = clock.now
        let reopened = try OutboxStore(path: large, limits: OutboxLimits(maximumEvents: backlog))
        _ = try await reopened.openSessions()
        figures.append(("start-up with backlog ms", seconds(clock.now - start) * 1000))

        let delivery = EventDelivery(
            store: reopened,
            writer: InstantWriter(),
            policy: DeliveryPolicy(pacing: PacingPolicy(burst: 1_000_000, writesPerWindow: 1_000_000))
        )
        start = clock.now
        let states = await delivery.states()
        let running = Task { await delivery.run() }
        for await state in states where state.deliveredCount >= drained { break }
        figures.append(("drain", Double(drained) / seconds(clock.now - start)))
        running.cancel()
        await running.value
        return figures
    }

    /// Events per second enqueued into a new store at `path` in transactions of `batch` events. The store
    /// is released (its connections closed) when this returns.
    private func enqueueRate(
        _ events: [PlaybackEvent],
        batch: Int,
        into path: String,
        limits: OutboxLimits = OutboxLimits()
    ) async throws -> Double {
        let clock = ContinuousClock()
        let store = try OutboxStore(path: path, limits: limits)
        let start = clock.now
        for first in stride(from: 0, to: events.count, by: batch) {
            try await store.enqueue(contentsOf: Array(events[first..<min(first + batch, events.count)]))
        }
        return Double(events.count) / seconds(clock.now - start)
    }

    private func seconds(_ duration: Duration) -> Double {
        duration.seconds
    }

    /// Sessions of `start`, `pause`, `resume`, `stop`: nothing coalesces, so every event is stored.
    private static func events(count: Int, offset: Int) -> [PlaybackEvent] {
        let base = Int64(Date().timeIntervalSince1970 * 1000)
        let actions: [PlaybackAction] = [.start, .pause, .resume, .stop]
        return (0..<count).map { index in
            let session = (offset + index) / 4
            let payload = PlaybackPayload(
                mediaType: "episode",
                title: "Benchmark Show",
                playbackSessionID: "bench-\(session)",
                eventID: "bench-\(offset + index)",
                eventCreatedAt: base + Int64(index)
            )
            return PlaybackEvent(action: actions[(offset + index) % 4], payload: payload)
        }
    }
}

/// A service that accepts every event at once, so the drain rate is the outbox's own cost.
private struct InstantWriter: PlaybackWriting {
    func send(_ event: PlaybackEvent) async throws(PunchPlayError) -> PlaybackReceipt {
        PlaybackReceipt(ok: true)
    }
}
