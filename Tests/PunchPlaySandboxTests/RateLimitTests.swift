import Foundation
import Testing

@testable import PunchPlaySandbox

@Suite("Rate budgets")
struct RateLimitTests {
    @Test("device codes over budget are 429 with Retry-After until the window passes")
    func deviceCodes() async throws {
        try await withSandbox({ $0.rateLimits.deviceCode = RateBudget(limit: 2, window: 3600) }) { sandbox, client in
            let body: JSONValue = ["client_id": .string(Fixtures.clientID)]
            #expect(try await client.post("auth/device/code", body).status == 200)
            await sandbox.advanceClock(by: 600)
            #expect(try await client.post("auth/device/code", body).status == 200)
            let limited = try await client.post("auth/device/code", body)
            #expect(limited.status == 429)
            #expect(limited.errorCode == "rate_limited")
            #expect(limited.header("Retry-After") == "3000")
            #expect(limited.header("X-RateLimit-Limit") == "2")
            #expect(limited.header("X-RateLimit-Remaining") == "0")
            await sandbox.advanceClock(by: 3000)
            #expect(try await client.post("auth/device/code", body).status == 200)
        }
    }

    @Test("the documented budgets are on by default: the eleventh device code in an hour is refused")
    func documentedDefault() async throws {
        try await withSandbox { _, client in
            let body: JSONValue = ["client_id": .string(Fixtures.clientID)]
            for _ in 0..<10 {
                #expect(try await client.post("auth/device/code", body).status == 200)
            }
            let limited = try await client.post("auth/device/code", body)
            #expect(limited.status == 429)
            #expect(Int(limited.header("Retry-After") ?? "") ?? 0 > 0)
        }
    }

    @Test("refreshes over budget are 429, and a 429 does not use up the refresh token")
    func refreshes() async throws {
        try await withSandbox({ $0.rateLimits.refresh = RateBudget(limit: 1, window: 3600) }) { sandbox, client in
            let tokens = try await sandbox.issueTokens()
            let first = try #require(
                try await client.post(
                    "auth/refresh",
                    ["client_id": .string(Fixtures.clientID), "refresh_token": .string(tokens.refreshToken)]
                ).json?["refresh_token"]?.string
            )
            let body: JSONValue = ["client_id": .string(Fixtures.clientID), "refresh_token": .string(first)]
            let limited = try await client.post("auth/refresh", body)
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") != nil)
            await sandbox.advanceClock(by: 3600)
            #expect(try await client.post("auth/refresh", body).status == 200)
        }
    }

    @Test("device-token polls over budget are 429 before the code is even looked at")
    func deviceTokenPolls() async throws {
        try await withSandbox({ $0.rateLimits.deviceToken = RateBudget(limit: 1, window: 600) }) { _, client in
            let body: JSONValue = ["client_id": .string(Fixtures.clientID), "device_code": "unknown"]
            #expect(try await client.post("auth/device/token", body).errorCode == "invalid_grant")
            let limited = try await client.post("auth/device/token", body)
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") == "600")
        }
    }

    @Test("/oauth/token over budget is 429")
    func oauthToken() async throws {
        try await withSandbox({ $0.rateLimits.oauthToken = RateBudget(limit: 1, window: 60) }) { _, client in
            let form = [("grant_type", "password"), ("client_id", Fixtures.clientID)]
            #expect(try await client.postForm("oauth/token", form).errorCode == "unsupported_grant_type")
            let limited = try await client.postForm("oauth/token", form)
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") == "60")
        }
    }

    @Test("playback writes are budgeted per access token")
    func playbackWrites() async throws {
        try await withSandbox({ $0.rateLimits.playbackWrites = RateBudget(limit: 2, window: 300) }) { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            _ = try await client.post("playback/start", Fixtures.playback(event: "e1"), token: token)
            _ = try await client.post("playback/progress", Fixtures.playback(event: "e2", at: 1), token: token)
            let limited = try await client.post(
                "playback/progress", Fixtures.playback(event: "e3", at: 2), token: token)
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") == "300")
            let otherToken = try await sandbox.issueTokens().accessToken
            let other = try await client.post(
                "playback/progress", Fixtures.playback(event: "e3", at: 2), token: otherToken)
            #expect(other.status == 200)
        }
    }

    @Test("disabled budgets never answer 429")
    func disabled() async throws {
        try await withSandbox({ $0.rateLimits = .disabled }) { _, client in
            let body: JSONValue = ["client_id": .string(Fixtures.clientID)]
            for _ in 0..<15 {
                let response = try await client.post("auth/device/code", body)
                #expect(response.status == 200)
            }
        }
    }
}
