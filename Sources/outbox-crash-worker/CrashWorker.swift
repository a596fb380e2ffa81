import Outbox
import PunchPlay

/// One run of the crash-safety worker: resume producing at the cursor, deliver, and return once the
/// whole workload is produced and the outbox is empty.
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
        let delivery = EventDelivery(
            store: store,
            writer: FileSinkWriter(path: sink, failureRate: 0.1),
            policy: DeliveryPolicy(
                retry: RetryPolicy(initialDelay: .milliseconds(5), maximumDelay: .milliseconds(50)),
                pacing: PacingPolicy(burst: 100_000, writesPerWindow: 100_000, window: .seconds(1))
            )
        )
        var (next, base) = cursor.load(defaultBase: clock.now())
        let workload = CrashWorkload(sessions: sessions, eventsPerSession: eventsPerSession, base: base)
        let running = Task { await delivery.run() }
        while next < workload.count {
            do {
                try await delivery.enqueue(workload.event(at: next))
            } catch {
                // Enqueued by the previous run, which died before moving the cursor, and already delivered.
                guard case .outOfOrder = error else { throw error }
            }
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
    }
}
