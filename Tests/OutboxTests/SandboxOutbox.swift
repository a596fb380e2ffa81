import Foundation
import Logging
import Outbox
import PlaybackModel
import PunchPlay
import PunchPlaySandbox

/// The real thing over HTTP: a sandbox on an ephemeral port, the real API client logged in to it, and an
/// outbox on the real clock with short back-offs, so outage tests finish in seconds.
struct SandboxOutbox: Sendable {
    let sandbox: PunchPlaySandbox
    let client: PunchPlayClient
    let store: OutboxStore
    let delivery: EventDelivery
    let intake: OutboxIntake

    static let fastRetry = RetryPolicy(initialDelay: .milliseconds(20), maximumDelay: .milliseconds(200))

    static func run(
        pacing: PacingPolicy = PacingPolicy(burst: 10_000, writesPerWindow: 10_000),
        requestTimeout: Duration = .seconds(2),
        configure: (inout SandboxConfiguration) -> Void = { _ in },
        _ body: (SandboxOutbox) async throws -> Void
    ) async throws {
        var configuration = SandboxConfiguration()
        configuration.rateLimits = .disabled
        configure(&configuration)
        try await PunchPlaySandbox.withRunning(configuration: configuration) { sandbox in
            let credentials = MemoryCredentials()
            try await credentials.adopt(sandbox.issueTokens())
            let client = PunchPlayClient(
                settings: PunchPlayClient.Configuration(
                    clientID: SandboxApp.agentClientID,
                    baseURL: try APIBaseURL(sandbox.baseURL.absoluteString),
                    clientVersion: "outbox-tests",
                    requestTimeout: requestTimeout
                ),
                store: credentials,
                logger: Logger(label: "outbox-tests", factory: { _ in SwiftLogNoOpLogHandler() })
            )
            let store = try OutboxStore(path: OutboxHarness.temporaryDirectory() + "/outbox.sqlite")
            let delivery = EventDelivery(
                store: store,
                writer: client,
                policy: DeliveryPolicy(retry: fastRetry, pacing: pacing, sendTimeout: .seconds(10))
            )
            let intake = OutboxIntake(
                delivery: delivery, logger: Logger(label: "outbox-tests") { _ in SwiftLogNoOpLogHandler() })
            let harness = SandboxOutbox(
                sandbox: sandbox,
                client: client,
                store: store,
                delivery: delivery,
                intake: intake
            )
            let running = Task { await delivery.run() }
            do {
                try await body(harness)
            } catch {
                running.cancel()
                await client.shutdown()
                throw error
            }
            running.cancel()
            await running.value
            await client.shutdown()
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
        try await withTimeout(seconds: seconds) {
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

/// A credential store in memory, for tests that log in through the sandbox's control API.
actor MemoryCredentials: CredentialStore {
    private var stored: StoredCredentials?

    nonisolated var displayName: String { "memory" }

    func load() async throws(CredentialStoreError) -> StoredCredentials? { stored }

    func save(_ credentials: StoredCredentials) async throws(CredentialStoreError) { stored = credentials }

    func delete() async throws(CredentialStoreError) { stored = nil }

    func adopt(_ tokens: IssuedTokens) {
        stored = StoredCredentials(
            accessToken: Secret(tokens.accessToken),
            refreshToken: Secret(tokens.refreshToken),
            accessTokenExpiresAt: Date().addingTimeInterval(TimeInterval(tokens.expiresIn)),
            scopes: tokens.scopes
        )
    }
}
