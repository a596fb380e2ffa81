import Foundation
import PlaybackModel
import PunchPlay
import PunchPlaySandbox
import PunchPlayTestSupport
import Testing

@Suite("Logout against the sandbox (§3)")
struct LogoutTests {
    @Test("Revokes the refresh token and deletes the local credentials")
    func logout() async throws {
        try await SandboxHarness.run { harness in
            let credentials = try await harness.logIn()
            let outcome = try await harness.client.logout()
            #expect(outcome.wasLoggedIn)
            #expect(outcome.revokeFailure == nil)
            #expect(await harness.store.stored == nil)
            #expect(await harness.client.tokens.currentState() == .loggedOut)
            let revoke = try #require(await harness.requests("/oauth/revoke").first)
            #expect(revoke.responseStatus == 200)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(revoke.body.utf8)) as? [String: Any])
            #expect(body["token"] as? String == credentials.refreshToken.exposedValue)
            #expect(body["token_type_hint"] as? String == "refresh_token")
            await #expect {
                try await harness.client.me()
            } throws: { error in
                (error as? PunchPlayError)?.retryClass == .loginRequired
            }
        }
    }

    @Test("A failing revoke still deletes the local credentials")
    func revokeFails() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn()
            await harness.sandbox.inject(.status(503, pathPrefix: "/api/platform/v1/oauth/revoke"))
            let outcome = try await harness.client.logout()
            #expect(outcome.revokeFailure?.status == 503)
            #expect(await harness.store.stored == nil)
        }
    }

    @Test("Logging out when not logged in does nothing at the service")
    func notLoggedIn() async throws {
        try await SandboxHarness.run { harness in
            let outcome = try await harness.client.logout()
            #expect(!outcome.wasLoggedIn)
            #expect(await harness.sandbox.recordedRequests().isEmpty)
        }
    }
}
