import Foundation
import Logging
import Outbox
import PlaybackModel
import PunchPlay
import PunchPlaySandbox
import PunchPlayTestSupport
import TestSupport

/// The real thing over HTTP: the sandbox harness (a sandbox on an ephemeral port, the real API client logged in
/// to it), and an outbox on the real clock with short back-offs (retries and refresh cool-downs alike), so outage
/// tests finish in seconds.
struct SandboxOutbox: Sendable {
    let harness: SandboxHarness
    let sandbox: PunchPlaySandbox
    let client: PunchPlayClient
    let store: OutboxStore
    let delivery: EventDelivery
    let intake: OutboxIntake

    static let fastRetry = RetryPolicy(initialDelay: .milliseconds(20), maximumDelay: .milliseconds(200))
    static let fastRefresh = RefreshPolicy(backoff: Backoff(initial: .milliseconds(50), maximum: .milliseconds(200)))

    static func run(
        pacing: PacingPolicy = PacingPolicy(burst: 10_000, writesPerWindow: 10_000),
        requestTimeout: Duration = .seconds(2),
        configure: (inout SandboxConfiguration) -> Void = { _ in },
        _ body: (SandboxOutbox) async throws -> Void
    ) async throws {
        try await SandboxHarness.run(
            requestTimeout: requestTimeout,
            refreshPolicy: fastRefresh,
            configure: configure
        ) { harness in
            try await harness.logIn()
            let store = try OutboxStore(path: OutboxHarness.temporaryDirectory() + "/outbox.sqlite")
            let delivery = EventDelivery(
                store: store,
                writer: harness.client,
                policy: DeliveryPolicy(retry: fastRetry, pacing: pacing, sendTimeout: .seconds(10))
            )
            let intake = OutboxIntake(
                delivery: delivery, logger: Logger(label: "outbox-tests") { _ in SwiftLogNoOpLogHandler() })
            let outbox = SandboxOutbox(
                harness: harness,
                sandbox: harness.sandbox,
                client: harness.client,
                store: store,
                delivery: delivery,
                intake: intake
            )
            let running = Task { await delivery.run() }
            do {
                try await body(outbox)
            } catch {
                running.cancel()
                throw error
            }
            running.cancel()
            await running.value
        }
    }

    /// Events with fresh ids, created now, strictly increasing.
    func events(_ actions: [PlaybackAction], session: String) -> [PlaybackEvent] {
        let base = Int64(Date().timeIntervalSince1970 * 1000)
        return actions.enumerated().map { index, action in
            var payload = PlaybackPayload(
                mediaType: "movie",
                title: "Heat",
                playbackSessionID: session,
                eventID: "\(session)-\(index)",
                eventCreatedAt: base + Int64(index)
            )
            payload.year = 1995
            payload.positionSeconds = index * 15
            payload.durationSeconds = 10_200
            return PlaybackEvent(action: action, payload: payload)
        }
    }

    func enqueue(_ events: [PlaybackEvent]) async {
        for event in events { await intake.commit([event]) }
    }

    /// Waits until the sandbox accepted `count` events and the outbox is empty.
    func waitUntilDelivered(_ count: Int, seconds: Double = 30) async throws {
        let sandbox = sandbox
        let store = store
        let delivery = delivery
        try await withTimeout(.seconds(seconds)) {
            for await state in await delivery.states() where state.phase == .idle || state.deliveredCount >= count {
                let accepted = await sandbox.acceptedEvents().count
                if accepted >= count, try await store.snapshot().pendingCount == 0 { return }
            }
        }
    }

    /// The event ids the sandbox accepted (deduped repeats excluded), in arrival order.
    func acceptedIDs() async -> [String] {
        await sandbox.acceptedEvents().map(\.eventID)
    }
}
