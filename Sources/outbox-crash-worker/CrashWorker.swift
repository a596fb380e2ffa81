import Credentials
import Foundation
import Logging
import Outbox
import PlaybackModel
import PunchPlay

/// One run of the crash-safety worker: resume producing at the cursor, deliver, and return once the
/// whole workload is produced and the outbox is empty. The sink is a file (a fake service that records
/// and fails 10 % of sends) or, when it is an `http://` URL, a PunchPlay sandbox reached through the real
/// client, logged in with the credentials file named by `OUTBOX_CRASH_CREDENTIALS`.
struct CrashWorker {
    let database: String
    let sink: String
    let cursor: ProducerCursor
    let sessions: Int
    let eventsPerSession: Int
    let interval: Duration

    func run() async throws {
        let clock = OutboxClock.live()
        let store = try OutboxStore(path: database, clock: clock)
        let client = try sink.hasPrefix("http") ? Self.client(baseURL: sink) : nil
        let delivery = EventDelivery(
            store: store,
            writer: client ?? FileSinkWriter(path: sink, failureRate: 0.1) as any PlaybackWriting,
            policy: DeliveryPolicy(
                retry: RetryPolicy(initialDelay: .milliseconds(5), maximumDelay: .milliseconds(50)),
                pacing: PacingPolicy(burst: 100_000, writesPerWindow: 100_000, window: .seconds(1))
            )
        )
        // An event the previous run enqueued and delivered before dying, without moving the cursor, is
        // refused as out of order and dropped by the intake.
        let intake = OutboxIntake(
            delivery: delivery,
            logger: Logger(label: "outbox-crash-worker", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        var (next, base) = cursor.load(defaultBase: clock.now())
        let workload = CrashWorkload(sessions: sessions, eventsPerSession: eventsPerSession, base: base)
        let running = Task { await delivery.run() }
        while next < workload.count {
            await intake.commit([workload.event(at: next)])
            next += 1
            try cursor.save(next: next, base: base)
            try await Task.sleep(for: interval)
        }
        // The published state can lag the last enqueue by a step, so the database has the last word.
        for await state in await delivery.states() where state.phase == .idle {
            if try await store.snapshot().pendingCount == 0 { break }
        }
        running.cancel()
        await running.value
        await client?.shutdown()
    }

    private static func client(baseURL: String) throws -> PunchPlayClient {
        guard let credentials = ProcessInfo.processInfo.environment["OUTBOX_CRASH_CREDENTIALS"] else {
            throw CrashWorkerError("OUTBOX_CRASH_CREDENTIALS must name the credentials file for \(baseURL)")
        }
        return PunchPlayClient(
            settings: PunchPlayClient.Configuration(
                clientID: "punchplay-mpris-sandbox",
                baseURL: try APIBaseURL(baseURL),
                clientVersion: "outbox-crash-worker",
                requestTimeout: .seconds(2)
            ),
            store: FileCredentialStore(path: credentials),
            lock: FileLoginLock(stateDirectory: (credentials as NSString).deletingLastPathComponent),
            logger: Logger(label: "outbox-crash-worker", factory: { _ in SwiftLogNoOpLogHandler() })
        )
    }
}

/// A setup problem of the crash worker, as a sentence.
struct CrashWorkerError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
