import Foundation
import PlaybackModel
import PunchPlay
import PunchPlaySandbox
import PunchPlayTestSupport
import Testing

@Suite("Token lifecycle against the sandbox (§3)")
struct TokenLifecycleTests {
    @Test("100 concurrent callers with an expired token cause exactly one refresh")
    func refreshStorm() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn(expiredLocally: true)
            let client = harness.client
            let usernames = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<100 {
                    group.addTask { try await client.me().username }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(usernames.count == 100)
            #expect(await harness.requests("/auth/refresh").count == 1)
            #expect(await harness.requests("/me").allSatisfy { $0.responseStatus == 200 })
        }
    }

    @Test("Refreshes proactively when less than five minutes remain")
    func proactive() async throws {
        try await SandboxHarness.run { harness in
            let first = try await harness.logIn()
            await harness.advance(by: 3600 - 200)
            _ = try await harness.client.me()
            #expect(await harness.requests("/auth/refresh").count == 1)
            let me = await harness.requests("/me")
            #expect(me.map(\.responseStatus) == [200])
            #expect(me[0].header("Authorization") != "Bearer \(first.accessToken.exposedValue)")
            _ = try await harness.client.me()
            #expect(await harness.requests("/auth/refresh").count == 1)
        }
    }

    @Test("A short-lived token is not refreshed before every request")
    func shortLivedToken() async throws {
        try await SandboxHarness.run(configure: { $0.accessTokenLifetime = 60 }) { harness in
            let issued = try await harness.sandbox.issueTokens()
            let now = Date()
            try await harness.client.tokens.adopt(
                StoredCredentials(
                    accessToken: Secret(issued.accessToken),
                    refreshToken: Secret(issued.refreshToken),
                    accessTokenExpiresAt: now.addingTimeInterval(60),
                    accessTokenIssuedAt: now
                )
            )
            for _ in 0..<5 { _ = try await harness.client.me() }
            #expect(await harness.requests("/auth/refresh").isEmpty)
            await harness.advance(by: 45)
            for _ in 0..<5 { _ = try await harness.client.me() }
            #expect(await harness.requests("/auth/refresh").count == 1)
        }
    }

    @Test("A 401 causes one reactive refresh and a retry with the new token")
    func reactive() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn()
            await harness.advanceServerOnly(by: 3700)
            _ = try await harness.client.me()
            #expect(await harness.requests("/me").map(\.responseStatus) == [401, 200])
            #expect(await harness.requests("/auth/refresh").count == 1)
        }
    }

    @Test("A 401 for a token that was already replaced retries with the new one, without another refresh")
    func alreadyReplaced() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn(expiredLocally: true)
            let stale = try #require(try await harness.client.tokens.currentCredentials()?.accessToken)
            let fresh = try await harness.client.tokens.accessToken()
            #expect(fresh != stale)
            let retry = try await harness.client.tokens.accessToken(replacing: stale)
            #expect(retry == fresh)
            #expect(await harness.requests("/auth/refresh").count == 1)
        }
    }

    @Test("A rotated pair is saved before it is used; a failed save holds it back until a save succeeds")
    func persistedBeforeUse() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn(expiredLocally: true)
            await harness.store.failNextSaves(1)
            await #expect {
                try await harness.client.me()
            } throws: { error in
                (error as? PunchPlayError)?.code == "credential_store"
            }
            #expect(await harness.requests("/me").isEmpty)
            _ = try await harness.client.me()
            let stored = try #require(await harness.store.stored)
            let used = try #require(await harness.requests("/me").first?.header("Authorization"))
            #expect(used == "Bearer \(stored.accessToken.exposedValue)")
            #expect(await harness.requests("/auth/refresh").count == 1)
        }
    }

    @Test("A crash between 'refresh returned' and 'saved' reuses the old refresh token: login required, once")
    func crashBeforeSave() async throws {
        try await SandboxHarness.run { harness in
            let original = try await harness.logIn(expiredLocally: true)
            await harness.store.failNextSaves(1)
            _ = try? await harness.client.me()
            #expect(await harness.requests("/auth/refresh").count == 1)

            let restartedStore = MemoryCredentialStore(original)
            let restarted = PunchPlayClient(
                settings: harness.client.settings,
                store: restartedStore,
                lock: InProcessLoginLock(),
                logger: harness.logger
            )
            var states = await restarted.tokens.stateUpdates().makeAsyncIterator()
            #expect(await states.next() == .loggedOut)
            await #expect {
                try await restarted.me()
            } throws: { error in
                (error as? PunchPlayError)?.retryClass == .loginRequired
            }
            #expect(await states.next() == .loggedIn)
            guard case .loginRequired = await states.next() else {
                Issue.record("the restarted client must report that a login is required")
                return
            }
            #expect(await harness.requests("/auth/refresh").map(\.responseStatus) == [200, 400])
            await #expect(throws: PunchPlayError.self) { try await restarted.me() }
            #expect(await harness.requests("/auth/refresh").count == 2)
            await restarted.shutdown()
        }
    }

    @Test("invalid_grant moves to login required; later calls fail at once without a request")
    func invalidGrant() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn(expiredLocally: true)
            await harness.sandbox.revokeTokens()
            var states = await harness.client.tokens.stateUpdates().makeAsyncIterator()
            #expect(await states.next() == .loggedIn)
            await #expect {
                try await harness.client.me()
            } throws: { error in
                (error as? PunchPlayError)?.retryClass == .loginRequired
            }
            guard case .loginRequired(let reason) = await states.next() else {
                Issue.record("expected the login-required state")
                return
            }
            #expect(reason.contains("invalid_grant"))
            let before = await harness.sandbox.recordedRequests().count
            await #expect(throws: PunchPlayError.self) { try await harness.client.nowPlaying() }
            #expect(await harness.sandbox.recordedRequests().count == before)
        }
    }

    @Test(
        "Network errors, 5xx and 429 during a refresh never log out",
        arguments: [
            SandboxFault.status(503, pathPrefix: "/api/platform/v1/auth/refresh"),
            SandboxFault.status(500, pathPrefix: "/api/platform/v1/auth/refresh"),
            SandboxFault.status(429, pathPrefix: "/api/platform/v1/auth/refresh", retryAfterSeconds: 30),
            SandboxFault.dropConnection(pathPrefix: "/api/platform/v1/auth/refresh"),
        ]
    )
    func transientRefreshFailure(fault: SandboxFault) async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn(expiredLocally: true)
            await harness.sandbox.inject(fault)
            let failure = await #expect(throws: PunchPlayError.self) { try await harness.client.me() }
            #expect(failure?.retryClass == .transient)
            #expect(await harness.client.tokens.currentState() == .loggedIn)
            #expect(await harness.store.stored != nil)
            let coolDown = try #require(failure?.retryAfter)
            await harness.advance(by: coolDown.seconds)
            _ = try await harness.client.me()
            #expect(await harness.requests("/auth/refresh").map(\.responseStatus).last == 200)
        }
    }

    @Test("A failed proactive refresh keeps using the still-valid token")
    func proactiveFailureUsesCurrentToken() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn()
            await harness.advance(by: 3600 - 200)
            await harness.sandbox.inject(.status(503, pathPrefix: "/api/platform/v1/auth/refresh"))
            _ = try await harness.client.me()
            #expect(await harness.requests("/me").map(\.responseStatus) == [200])
        }
    }

    @Test("A refresh answer without a refresh_token keeps the stored one")
    func nonRotating() async throws {
        try await SandboxHarness.run(configure: { $0.rotateRefreshTokens = false }) { harness in
            let original = try await harness.logIn(expiredLocally: true)
            _ = try await harness.client.me()
            let stored = try #require(await harness.store.stored)
            #expect(stored.refreshToken == original.refreshToken)
            #expect(stored.accessToken != original.accessToken)
            #expect(await harness.requests("/auth/refresh").count == 1)
        }
    }
}
