import Foundation
import Testing

@testable import PunchPlaySandbox

@Suite("Tokens: refresh rotation, expiry, revocation and scopes")
struct TokenTests {
    private func refresh(_ client: SandboxClient, _ refreshToken: String) async throws -> TestResponse {
        try await client.post(
            "auth/refresh",
            ["client_id": .string(Fixtures.clientID), "refresh_token": .string(refreshToken)]
        )
    }

    @Test("a refresh rotates the refresh token and returns a working access token")
    func rotation() async throws {
        try await withSandbox { sandbox, client in
            let first = try await sandbox.issueTokens()
            let response = try await refresh(client, first.refreshToken)
            #expect(response.status == 200)
            let json = try #require(response.json)
            #expect(
                json.keys == [
                    "access_token", "token_type", "expires_in", "scope", "refresh_token", "refresh_expires_in",
                ])
            let rotated = try #require(json["refresh_token"]?.string)
            #expect(rotated != first.refreshToken)
            let access = try #require(json["access_token"]?.string)
            #expect(try await client.get("me", token: access).status == 200)
            #expect(try await refresh(client, rotated).status == 200)
        }
    }

    @Test("refreshes and reused refresh tokens are counted, in Swift and over the control API, until a reset")
    func refreshStatistics() async throws {
        try await withSandbox { sandbox, client in
            let first = try await sandbox.issueTokens()
            let second = try #require(try await refresh(client, first.refreshToken).json)
            #expect(try await refresh(client, first.refreshToken).errorCode == "invalid_grant")
            #expect(try await refresh(client, "pprt_unknown").errorCode == "invalid_grant")
            _ = try #require(second["refresh_token"]?.string)
            #expect(await sandbox.refreshStatistics() == RefreshStatistics(refreshes: 1, reuseDetections: 1))
            let control = try #require(try await client.get("/_sandbox/refresh-statistics").json)
            #expect(control["refreshes"]?.integer == 1)
            #expect(control["reuseDetections"]?.integer == 1)
            await sandbox.reset()
            #expect(await sandbox.refreshStatistics() == RefreshStatistics())
        }
    }

    @Test("reusing a used refresh token revokes the whole family")
    func reuseRevokesFamily() async throws {
        try await withSandbox { sandbox, client in
            let first = try await sandbox.issueTokens()
            let second = try #require(try await refresh(client, first.refreshToken).json)
            let reuse = try await refresh(client, first.refreshToken)
            #expect(reuse.status == 400)
            #expect(reuse.errorCode == "invalid_grant")
            let newRefresh = try #require(second["refresh_token"]?.string)
            #expect(try await refresh(client, newRefresh).errorCode == "invalid_grant")
            let newAccess = try #require(second["access_token"]?.string)
            let me = try await client.get("me", token: newAccess)
            #expect(me.status == 401)
            #expect(me.errorCode == "invalid_token")
            #expect(try await client.get("me", token: first.accessToken).status == 401)
            let other = try await sandbox.issueTokens()
            #expect(try await client.get("me", token: other.accessToken).status == 200)
        }
    }

    @Test("an access token expires after the configured lifetime")
    func shortLifetime() async throws {
        try await withSandbox({ $0.accessTokenLifetime = 2 }) { sandbox, client in
            let tokens = try await sandbox.issueTokens()
            #expect(tokens.expiresIn == 2)
            #expect(try await client.get("me", token: tokens.accessToken).status == 200)
            await sandbox.advanceClock(by: 2)
            let expired = try await client.get("me", token: tokens.accessToken)
            #expect(expired.status == 401)
            #expect(expired.errorCode == "invalid_token")
            #expect(expired.header("WWW-Authenticate")?.contains("invalid_token") == true)
            #expect(try await refresh(client, tokens.refreshToken).status == 200)
        }
    }

    @Test("an expired refresh token is invalid_grant")
    func refreshExpiry() async throws {
        try await withSandbox({ $0.refreshTokenLifetime = 100 }) { sandbox, client in
            let tokens = try await sandbox.issueTokens()
            await sandbox.advanceClock(by: 100)
            #expect(try await refresh(client, tokens.refreshToken).errorCode == "invalid_grant")
        }
    }

    @Test("missing, malformed and unknown bearer tokens are 401 invalid_token")
    func badBearer() async throws {
        try await withSandbox { _, client in
            #expect(try await client.get("me").errorCode == "invalid_token")
            let basic = try await client.send(.GET, "me", headers: [("Authorization", "Basic abc")])
            #expect(basic.status == 401)
            #expect(try await client.get("me", token: "ppat_unknown").errorCode == "invalid_token")
        }
    }

    @Test("a token without the endpoint's scope is 403 insufficient_scope naming the scope")
    func scopes() async throws {
        try await withSandbox { sandbox, client in
            let tokens = try await sandbox.issueTokens(scopes: [SandboxScope.playbackWrite])
            let me = try await client.get("me", token: tokens.accessToken)
            #expect(me.status == 403)
            #expect(me.errorCode == "insufficient_scope")
            #expect(me.json?["required_scope"]?.string == "profile:read")
            let read = try await client.get("playback/now-playing", token: tokens.accessToken)
            #expect(read.json?["required_scope"]?.string == "playback:read")
            let events = try await client.send(
                .GET,
                "playback/events",
                token: tokens.accessToken,
                headers: [("Accept", "text/event-stream")]
            )
            #expect(events.json?["required_scope"]?.string == "events:read")
            let write = try await client.post(
                "playback/start", Fixtures.playback(event: "e1"), token: tokens.accessToken)
            #expect(write.status == 200)
        }
    }

    @Test("/me describes the user, the token and the app")
    func me() async throws {
        try await withSandbox { sandbox, client in
            let tokens = try await sandbox.issueTokens()
            let json = try #require(try await client.get("me", token: tokens.accessToken).json)
            #expect(json["id"]?.string == "usr_sandbox")
            #expect(json["username"]?.string == "sandbox")
            #expect(json["client_type"]?.string == "public")
            #expect(json["token_id"]?.string?.isEmpty == false)
            #expect(json["scopes"]?.array?.compactMap(\.string) == SandboxScope.all)
            #expect(json["developer_app"]?["name"]?.string == SandboxApp.agent.name)
        }
    }

    @Test("revoking a refresh token ends its login; revoking an access token ends only that token")
    func revoke() async throws {
        try await withSandbox { sandbox, client in
            let tokens = try await sandbox.issueTokens()
            let response = try await client.post(
                "oauth/revoke",
                [
                    "client_id": .string(Fixtures.clientID), "token": .string(tokens.refreshToken),
                    "token_type_hint": "refresh_token",
                ]
            )
            #expect(response.status == 200)
            #expect(try await client.get("me", token: tokens.accessToken).status == 401)
            #expect(try await refresh(client, tokens.refreshToken).errorCode == "invalid_grant")
            let other = try await sandbox.issueTokens()
            _ = try await client.post(
                "oauth/revoke",
                ["client_id": .string(Fixtures.clientID), "token": .string(other.accessToken)]
            )
            #expect(try await client.get("me", token: other.accessToken).status == 401)
            #expect(try await refresh(client, other.refreshToken).status == 200)
        }
    }

    @Test("revoking a user's tokens through the control API logs every client out")
    func revokeUser() async throws {
        try await withSandbox { sandbox, client in
            let tokens = try await sandbox.issueTokens()
            await sandbox.revokeTokens()
            #expect(try await client.get("me", token: tokens.accessToken).status == 401)
            #expect(try await refresh(client, tokens.refreshToken).errorCode == "invalid_grant")
        }
    }

    @Test("/oauth/token takes the refresh grant form-encoded and refuses other grants and JSON")
    func oauthToken() async throws {
        try await withSandbox { sandbox, client in
            let tokens = try await sandbox.issueTokens()
            let response = try await client.postForm(
                "oauth/token",
                [
                    ("grant_type", "refresh_token"), ("client_id", Fixtures.clientID),
                    ("refresh_token", tokens.refreshToken),
                ]
            )
            #expect(response.status == 200)
            #expect(response.json?["refresh_token"]?.string != nil)
            let password = try await client.postForm(
                "oauth/token",
                [("grant_type", "password"), ("client_id", Fixtures.clientID)]
            )
            #expect(password.errorCode == "unsupported_grant_type")
            let json = try await client.post("oauth/token", ["grant_type": "refresh_token"])
            #expect(json.errorCode == "invalid_request")
        }
    }

    @Test("without rotation a refresh omits refresh_token and the old one keeps working")
    func withoutRotation() async throws {
        try await withSandbox({ $0.rotateRefreshTokens = false }) { sandbox, client in
            let tokens = try await sandbox.issueTokens()
            let json = try #require(try await refresh(client, tokens.refreshToken).json)
            #expect(json["refresh_token"] == nil)
            #expect(try await refresh(client, tokens.refreshToken).status == 200)
        }
    }
}
