import Foundation
import PlaybackModel
import PunchPlay
import PunchPlaySandbox
import PunchPlayTestSupport
import Testing

@Suite("Refreshes coordinated with the store and throttled (§3): re-read first, cool down after failures")
struct RefreshCoordinationTests {
    private static let refreshPath = "/api/platform/v1/auth/refresh"

    @Test("A failed refresh starts a cool-down that doubles; calls meanwhile fail fast without a request")
    func coolDown() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn(expiredLocally: true)
            await harness.sandbox.inject(.status(503, count: 2, pathPrefix: Self.refreshPath))
            let first = await #expect(throws: PunchPlayError.self) { try await harness.client.me() }
            #expect((29...30).contains(first?.retryAfter?.seconds ?? 0))
            await harness.advance(by: 10)
            let early = await #expect(throws: PunchPlayError.self) { try await harness.client.me() }
            #expect(early?.retryClass == .transient)
            #expect((19...20).contains(early?.retryAfter?.seconds ?? 0))
            #expect(await harness.requests("/auth/refresh").count == 1)
            await harness.advance(by: 20.5)
            let second = await #expect(throws: PunchPlayError.self) { try await harness.client.me() }
            #expect((59...60).contains(second?.retryAfter?.seconds ?? 0))
            #expect(await harness.requests("/auth/refresh").count == 2)
            await harness.advance(by: 60.5)
            _ = try await harness.client.me()
            #expect(await harness.requests("/auth/refresh").map(\.responseStatus) == [503, 503, 200])
            #expect(await harness.client.tokens.currentState() == .loggedIn)
        }
    }

    @Test("A Retry-After longer than the cool-down is honoured")
    func retryAfterHonoured() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn(expiredLocally: true)
            await harness.sandbox.inject(.status(429, pathPrefix: Self.refreshPath, retryAfterSeconds: 300))
            let failure = await #expect(throws: PunchPlayError.self) { try await harness.client.me() }
            #expect((299...300).contains(failure?.retryAfter?.seconds ?? 0))
            await harness.advance(by: 100)
            await #expect(throws: PunchPlayError.self) { try await harness.client.me() }
            #expect(await harness.requests("/auth/refresh").count == 1)
        }
    }

    @Test("No more than the policy's refreshes in any hour, however short the cool-down")
    func hourlyBudget() async throws {
        let policy = RefreshPolicy(backoff: Backoff(initial: .seconds(1), maximum: .seconds(1)), maximumPerHour: 3)
        try await SandboxHarness.run(refreshPolicy: policy) { harness in
            try await harness.logIn(expiredLocally: true)
            await harness.sandbox.inject(.status(500, count: 10, pathPrefix: Self.refreshPath))
            for _ in 0..<3 {
                await #expect(throws: PunchPlayError.self) { try await harness.client.me() }
                await harness.advance(by: 2)
            }
            let held = await #expect(throws: PunchPlayError.self) { try await harness.client.me() }
            #expect(held?.retryClass == .transient)
            #expect((3590...3600).contains(held?.retryAfter?.seconds ?? 0))
            #expect(await harness.requests("/auth/refresh").count == 3)
            await harness.sandbox.clearFaults()
            await harness.advance(by: 3600)
            _ = try await harness.client.me()
            #expect(await harness.requests("/auth/refresh").count == 4)
        }
    }

    @Test("Refreshes that work are never held back by the cap: it counts our own failed retries only")
    func workingRefreshesAreNotCapped() async throws {
        let policy = RefreshPolicy(backoff: Backoff(initial: .seconds(1), maximum: .seconds(1)), maximumPerHour: 3)
        try await SandboxHarness.run(refreshPolicy: policy) { harness in
            try await harness.logIn()
            for _ in 0..<6 {
                await harness.advanceServerOnly(by: 2 * 3600)
                _ = try await harness.client.me()
            }
            #expect(await harness.requests("/auth/refresh").count == 6)
            #expect(await harness.sandbox.refreshStatistics() == RefreshStatistics(refreshes: 6, reuseDetections: 0))
        }
    }

    @Test("invalid_client means the login is lost, like invalid_grant")
    func invalidClient() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn(expiredLocally: true)
            await harness.sandbox.inject(.status(400, code: "invalid_client", pathPrefix: Self.refreshPath))
            let failure = await #expect(throws: PunchPlayError.self) { try await harness.client.me() }
            #expect(failure?.retryClass == .loginRequired)
            guard case .loginRequired(let reason) = await harness.client.tokens.currentState() else {
                Issue.record("expected the login-required state")
                return
            }
            #expect(reason.contains("invalid_client"))
        }
    }

    @Test("invalid_grant after another process stored a new login: the store is read again and the new one used")
    func invalidGrantRereadsStore() async throws {
        try await SandboxHarness.run { harness in
            let original = try await harness.newLogin(expiredLocally: true)
            let replacement = try await harness.newLogin()
            let store = SwitchingStore(original, thenAfterLoads: 2, replacement)
            let client = harness.makeClient(store: store, lock: InProcessLoginLock())
            await harness.sandbox.inject(.status(400, code: "invalid_grant", pathPrefix: Self.refreshPath))
            let account = try await client.me()
            #expect(account.username == SandboxUser.preset.username)
            #expect(await client.tokens.currentState() == .loggedIn)
            #expect(try await client.tokens.currentCredentials() == replacement)
            #expect(await harness.requests("/auth/refresh").map(\.responseStatus) == [400])
            await client.shutdown()
        }
    }

    @Test("A 401 for a token another process already replaced uses the stored token, without a refresh")
    func rejectedTokenReplacedInStore() async throws {
        try await SandboxHarness.run(configure: { $0.revokeAccessTokenOnRefresh = true }) { harness in
            let original = try await harness.logIn()
            let other = harness.makeClient(store: harness.store, lock: harness.lock)
            _ = try await other.tokens.accessToken(replacing: original.accessToken)
            #expect(await harness.requests("/auth/refresh").count == 1)

            _ = try await harness.client.me()
            #expect(await harness.requests("/me").map(\.responseStatus) == [401, 200])
            #expect(await harness.requests("/auth/refresh").count == 1)
            #expect(await harness.sandbox.refreshStatistics() == RefreshStatistics(refreshes: 1, reuseDetections: 0))
            await other.shutdown()
        }
    }

    @Test("An expired token another process refreshed meanwhile is taken from the store, not refreshed again")
    func expiredTokenRefreshedElsewhere() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn(expiredLocally: true)
            let other = harness.makeClient(store: harness.store, lock: harness.lock)
            _ = try await other.me()
            _ = try await harness.client.me()
            #expect(await harness.requests("/auth/refresh").count == 1)
            #expect(try await harness.client.tokens.currentCredentials() == harness.store.stored)
            await other.shutdown()
        }
    }

    @Test("reloadFromStore lifts the login hold for a new login, not for the refused one")
    func reloadLiftsHold() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn(expiredLocally: true)
            await harness.sandbox.revokeTokens()
            await #expect(throws: PunchPlayError.self) { try await harness.client.me() }
            try await harness.client.tokens.reloadFromStore()
            guard case .loginRequired = await harness.client.tokens.currentState() else {
                Issue.record("the refused login found again must keep the hold")
                return
            }
            let fresh = try await harness.newLogin()
            try await harness.store.save(fresh)
            try await harness.client.tokens.reloadFromStore()
            #expect(await harness.client.tokens.currentState() == .loggedIn)
            _ = try await harness.client.me()
            try await harness.store.delete()
            try await harness.client.tokens.reloadFromStore()
            #expect(await harness.client.tokens.currentState() == .loggedOut)
        }
    }

    @Test("A new login that lacks scopes does not replace the stored one")
    func replacementLackingScopes() async throws {
        try await SandboxHarness.run { harness in
            let previous = try await harness.logIn()
            let authorization = try await harness.client.requestDeviceAuthorization()
            try await harness.sandbox.approveDeviceCode(
                userCode: authorization.userCode,
                grantingOnly: [SandboxScope.profileRead, SandboxScope.playbackWrite]
            )
            let failure = await #expect(throws: DeviceLoginError.self) {
                try await harness.client.completeDeviceLogin(authorization, clock: harness.clock)
            }
            guard case .replacementLacksScopes(let missing) = failure else {
                Issue.record("expected replacementLacksScopes, got \(String(describing: failure))")
                return
            }
            #expect(missing == [.playbackRead, .eventsRead])
            #expect(failure?.description.contains("playback:read, events:read") == true)
            #expect(failure?.description.contains("previous login is kept") == true)
            #expect(await harness.store.stored == previous)
            #expect(await harness.store.saves.count == 1)
            #expect(try await harness.client.tokens.currentCredentials() == previous)
        }
    }
}

/// A store that answers its first `loads` loads with one pair and every later load with another: another
/// process saving a new login between two reads.
private actor SwitchingStore: CredentialStore {
    nonisolated let displayName = "switching"
    private let first: StoredCredentials
    private let second: StoredCredentials
    private var loadsLeft: Int

    init(_ first: StoredCredentials, thenAfterLoads loads: Int, _ second: StoredCredentials) {
        self.first = first
        self.second = second
        self.loadsLeft = loads
    }

    func load() throws(CredentialStoreError) -> StoredCredentials? {
        guard loadsLeft > 0 else { return second }
        loadsLeft -= 1
        return first
    }

    func save(_ credentials: StoredCredentials) throws(CredentialStoreError) {}

    func delete() throws(CredentialStoreError) {}
}
