import Foundation
import InMemoryLogging
import Logging
import PunchPlay
import PunchPlaySandbox
import Synchronization
import TestSupport

/// The one harness for tests of the API client against the real thing over HTTP: a sandbox started on
/// loopback, a client configured for it with a memory store, every log line at trace level, and one shared time
/// line: `advance(by:)` moves the sandbox's clock and the client's wall clock together.
public struct SandboxHarness: Sendable {
    public let sandbox: PunchPlaySandbox
    public let client: PunchPlayClient
    public let store: MemoryCredentialStore
    /// The client's login lock, for another client that should share it.
    public let lock: InProcessLoginLock
    public let logs: InMemoryLogHandler
    /// A logger writing into `logs`, for a second client in the same test.
    public let logger: Logger
    /// The clock to give the client's polls and back-offs: each sleep moves both clocks on at once.
    public let clock: VirtualClock
    private let offset: Offset

    /// The client's wall clock offset, shared with its `now` closure, and how much less the sandbox's clock
    /// moves on particular sleeps of the virtual clock (to make a poll arrive early).
    private final class Offset: Sendable {
        let seconds = Mutex<TimeInterval>(0)
        let serverLag = Mutex<[Int: TimeInterval]>([:])
        let sleepCount = Mutex(0)
    }

    /// Runs `body` against a fresh sandbox (rate limits off unless `configure` turns them on), with a client
    /// whose requests give up after `requestTimeout` and that refreshes as `refreshPolicy` allows, under an
    /// in-process login lock; shuts the client and the sandbox down afterwards.
    @discardableResult
    public static func run<Result: Sendable>(
        requestTimeout: Duration = .seconds(5),
        clientSecret: String? = nil,
        store: MemoryCredentialStore = MemoryCredentialStore(),
        refreshPolicy: RefreshPolicy = RefreshPolicy(),
        configure: (inout SandboxConfiguration) -> Void = { _ in },
        _ body: (SandboxHarness) async throws -> Result
    ) async throws -> Result {
        var configuration = SandboxConfiguration()
        configuration.rateLimits = .disabled
        configure(&configuration)
        return try await PunchPlaySandbox.withRunning(configuration: configuration) { sandbox in
            var logs = InMemoryLogHandler()
            logs.logLevel = .trace
            let handler = logs
            let offset = Offset()
            let settings = PunchPlayClient.Configuration(
                clientID: configuration.apps.first?.clientID ?? SandboxApp.agentClientID,
                clientSecret: clientSecret.map(Secret.init),
                baseURL: try APIBaseURL(sandbox.baseURL.absoluteString),
                deviceName: "test-host",
                deviceID: "device-1",
                clientVersion: "9.9.9",
                requestTimeout: requestTimeout,
                refreshPolicy: refreshPolicy
            )
            let logger = Logger(label: "punchplay-test") { _ in handler }
            let lock = InProcessLoginLock()
            let client = PunchPlayClient(
                settings: settings,
                store: store,
                lock: lock,
                logger: logger,
                now: { Date().addingTimeInterval(offset.seconds.withLock { $0 }) }
            )
            let clock = VirtualClock { slept in
                let seconds = Double(slept.components.seconds) + Double(slept.components.attoseconds) / 1e18
                let index = offset.sleepCount.withLock { count in
                    defer { count += 1 }
                    return count
                }
                let lag = offset.serverLag.withLock { $0[index] ?? 0 }
                offset.seconds.withLock { $0 += seconds }
                await sandbox.advanceClock(by: seconds - lag)
            }
            let harness = SandboxHarness(
                sandbox: sandbox,
                client: client,
                store: store,
                lock: lock,
                logs: handler,
                logger: logger,
                clock: clock,
                offset: offset
            )
            do {
                let result = try await body(harness)
                await client.shutdown()
                return result
            } catch {
                await client.shutdown()
                throw error
            }
        }
    }

    /// Another client like `client` (same settings, logger and time line) over `store` and `lock`, standing in
    /// for a second process sharing the login; shut it down when done.
    public func makeClient(store: any CredentialStore, lock: any LoginLock) -> PunchPlayClient {
        let offset = offset
        return PunchPlayClient(
            settings: client.settings,
            store: store,
            lock: lock,
            logger: logger,
            now: { Date().addingTimeInterval(offset.seconds.withLock { $0 }) }
        )
    }

    /// Moves the sandbox's and the client's clocks forward together.
    public func advance(by seconds: TimeInterval) async {
        offset.seconds.withLock { $0 += seconds }
        await sandbox.advanceClock(by: seconds)
    }

    /// Makes the sandbox's clock move `seconds` less than the client's on the virtual clock's sleep number
    /// `index` (0-based), so the poll after it reaches the sandbox too early.
    public func lagServer(onSleep index: Int, by seconds: TimeInterval) {
        offset.serverLag.withLock { $0[index] = seconds }
    }

    /// Moves only the sandbox's clock: the client still believes its token is fresh.
    public func advanceServerOnly(by seconds: TimeInterval) async {
        await sandbox.advanceClock(by: seconds)
    }

    /// Logs the client in without the device flow: a token pair from the sandbox, adopted by the client.
    /// - Parameter expiredLocally: makes the client believe the access token has already expired.
    @discardableResult
    public func logIn(scopes: [String] = PunchPlayScope.allCases.map(\.rawValue), expiredLocally: Bool = false)
        async throws -> StoredCredentials
    {
        let credentials = try await newLogin(scopes: scopes, expiredLocally: expiredLocally)
        try await client.tokens.adopt(credentials)
        return credentials
    }

    /// A token pair from the sandbox as a login would store it, without handing it to any client (a login made
    /// by another process).
    /// - Parameter expiredLocally: dates the access token's expiry in the past.
    public func newLogin(scopes: [String] = PunchPlayScope.allCases.map(\.rawValue), expiredLocally: Bool = false)
        async throws -> StoredCredentials
    {
        let issued = try await sandbox.issueTokens(scopes: scopes)
        let now = Date().addingTimeInterval(offset.seconds.withLock { $0 })
        let credentials = StoredCredentials(
            accessToken: Secret(issued.accessToken),
            refreshToken: Secret(issued.refreshToken),
            accessTokenExpiresAt: expiredLocally
                ? now.addingTimeInterval(-1) : now.addingTimeInterval(TimeInterval(issued.expiresIn)),
            accessTokenIssuedAt: now.addingTimeInterval(expiredLocally ? -3600 : 0),
            refreshTokenExpiresAt: now.addingTimeInterval(TimeInterval(issued.refreshExpiresIn)),
            scopes: issued.scopes
        )
        return credentials
    }

    /// Requests the sandbox recorded below `/api/platform/v1` + `path`.
    public func requests(_ path: String) async -> [RecordedRequest] {
        await sandbox.recordedRequests(pathPrefix: "/api/platform/v1" + path)
    }
}
