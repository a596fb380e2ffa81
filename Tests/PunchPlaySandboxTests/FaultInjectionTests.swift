import Foundation
import Testing

@testable import PunchPlaySandbox

@Suite("Fault injection")
struct FaultInjectionTests {
    @Test("a status fault answers the next N matching requests, then the real endpoint answers")
    func statusFault() async throws {
        try await withSandbox { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            await sandbox.inject(.status(503, count: 2, pathPrefix: "/api/platform/v1/playback", retryAfterSeconds: 7))
            #expect(try await client.get("me", token: token).status == 200)
            let first = try await client.get("playback/now-playing", token: token)
            #expect(first.status == 503)
            #expect(first.errorCode == "server_error")
            #expect(first.header("Retry-After") == "7")
            #expect(first.json?["request_id"]?.string == first.header("X-PunchPlay-Request-Id"))
            #expect(try await client.get("playback/now-playing", token: token).status == 503)
            #expect(try await client.get("playback/now-playing", token: token).status == 200)
        }
    }

    @Test("a status fault answers the error code it names, in Swift and over the control API")
    func statusFaultCode() async throws {
        try await withSandbox { sandbox, client in
            await sandbox.inject(.status(400, code: "unauthorized_client", pathPrefix: "/api/platform/v1/auth/refresh"))
            let injected = try await client.post("auth/refresh", [:])
            #expect(injected.status == 400)
            #expect(injected.errorCode == "unauthorized_client")
            let fault = #"{"kind": "status", "status": 400, "code": "invalid_grant"}"#
            #expect(try await client.send(.POST, "/_sandbox/faults", body: fault).status == 204)
            let controlled = try await client.post("auth/refresh", [:])
            #expect(controlled.status == 400)
            #expect(controlled.errorCode == "invalid_grant")
            await sandbox.inject(.status(400))
            #expect(try await client.post("auth/refresh", [:]).errorCode == "invalid_request")
        }
    }

    @Test("a 429 fault carries Retry-After and the rate_limited code")
    func rateLimitFault() async throws {
        try await withSandbox { sandbox, client in
            await sandbox.inject(.status(429, retryAfterSeconds: 30))
            let response = try await client.post("auth/refresh", [:])
            #expect(response.status == 429)
            #expect(response.errorCode == "rate_limited")
            #expect(response.header("Retry-After") == "30")
        }
    }

    @Test("a hanging request gets no answer while others do, and its connection closes when the sandbox stops")
    func hang() async throws {
        let meRequest = "/api/platform/v1/me"
        var hanging: Task<TestResponse, any Error>?
        try await withSandbox { sandbox, client in
            var arrivals = await sandbox.receivedRequests().makeAsyncIterator()
            await sandbox.inject(.hang(pathPrefix: meRequest))
            hanging = Task { try await client.get("me") }
            #expect(await arrivals.next()?.path == meRequest)
            let other = try await client.get("playback/now-playing")
            #expect(other.status == 401)
            let recorded = await sandbox.recordedRequests(pathPrefix: meRequest)
            #expect(recorded.count == 1)
            #expect(recorded.first?.responseStatus == nil)
        }
        await #expect(throws: (any Error).self) {
            _ = try await hanging?.value
        }
    }

    @Test("a delayed request is answered normally after the delay")
    func delay() async throws {
        try await withSandbox { sandbox, client in
            await sandbox.inject(.delay(0.2))
            let response = try await client.get("me")
            #expect(response.status == 401)
            #expect(response.errorCode == "invalid_token")
        }
    }

    @Test("a dropped connection sends no response at all")
    func dropConnection() async throws {
        try await withSandbox { sandbox, client in
            await sandbox.inject(.dropConnection())
            await #expect(throws: (any Error).self) {
                _ = try await client.get("me")
            }
            #expect(await sandbox.recordedRequests().first?.responseStatus == nil)
            let afterwards = try await client.get("me")
            #expect(afterwards.status == 401)
        }
    }

    @Test("garbage: a non-JSON body, JSON of the wrong types, and a 10 MB body")
    func garbage() async throws {
        try await withSandbox { sandbox, client in
            await sandbox.inject(.notJSON())
            await sandbox.inject(.wrongTypes())
            await sandbox.inject(.hugeBody())
            let notJSON = try await client.get("me")
            #expect(notJSON.status == 200)
            #expect(notJSON.json == nil)
            let wrongTypes = try #require(try await client.get("me").json)
            #expect(wrongTypes["access_token"]?.integer == 12345)
            #expect(wrongTypes["expires_in"]?.string == "soon")
            let huge = try await client.get("me")
            #expect(huge.body.count == 10 * 1024 * 1024)
            #expect(huge.json == nil)
            #expect(try await client.get("me").status == 401)
        }
    }

    @Test("control requests are never faulted, and clearing drops pending faults")
    func controlIsExempt() async throws {
        try await withSandbox { sandbox, client in
            await sandbox.inject(.status(500, count: 5))
            let health = try await client.get("/_sandbox/health")
            #expect(health.status == 200)
            await sandbox.clearFaults()
            let afterwards = try await client.get("me")
            #expect(afterwards.status == 401)
        }
    }

    @Test("a second sandbox on a port in use fails to start with an error instead of hanging")
    func portInUse() async throws {
        try await withSandbox { sandbox, _ in
            let port = try #require(sandbox.baseURL.port)
            await #expect(throws: (any Error).self) {
                try await PunchPlaySandbox.withRunning(port: port) { _ in }
            }
        }
    }
}
