import Foundation
import Testing

@testable import PunchPlaySandbox

@Suite("Recorded requests, request ids and error bodies")
struct RecordingTests {
    @Test("every API request is recorded with method, path, query, headers, body and status")
    func recordsRequests() async throws {
        try await withSandbox { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            _ = try await client.post("playback/start", Fixtures.playback(event: "e1"), token: token)
            _ = try await client.get("playback/in-progress?limit=5", token: token)
            _ = try await client.get("/_sandbox/health")
            let recorded = await sandbox.recordedRequests()
            #expect(
                recorded.map(\.path) == ["/api/platform/v1/playback/start", "/api/platform/v1/playback/in-progress"])
            let start = try #require(recorded.first)
            #expect(start.method == "POST")
            #expect(start.header("authorization") == "Bearer \(token)")
            #expect(start.header("Content-Type") == "application/json")
            #expect(JSONValue.parse(Data(start.body.utf8)) == Fixtures.playback(event: "e1"))
            #expect(start.responseStatus == 200)
            #expect(recorded.last?.query == "limit=5")
            await sandbox.clearRecordedRequests()
            #expect(await sandbox.recordedRequests().isEmpty)
        }
    }

    @Test("completed requests are streamed as they are answered, dropped ones too")
    func completedRequestStream() async throws {
        try await withSandbox { sandbox, client in
            let completed = await sandbox.completedRequests()
            var iterator = completed.makeAsyncIterator()
            await sandbox.inject(.dropConnection(pathPrefix: "/api/platform/v1/playback"))
            _ = try await client.get("me")
            _ = try? await client.get("playback/now-playing")
            let first = await iterator.next()
            #expect(first?.path == "/api/platform/v1/me")
            #expect(first?.responseStatus == 401)
            let second = await iterator.next()
            #expect(second?.path == "/api/platform/v1/playback/now-playing")
            #expect(second?.responseStatus == nil)
        }
    }

    @Test("waiting for requests returns once they were answered, and times out with a message otherwise")
    func waitForRequests() async throws {
        try await withSandbox { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            let prefix = "/api/platform/v1/playback/start"
            let waiting = Task { try await sandbox.waitForRequests(pathPrefix: prefix, count: 1) }
            _ = try await client.post("playback/start", Fixtures.playback(event: "e1"), token: token)
            #expect(try await waiting.value.map(\.responseStatus) == [200])
            let overHTTP = try await client.get("/_sandbox/requests/wait?path_prefix=\(prefix)&count=1")
            #expect(overHTTP.json?.array?.count == 1)
            await #expect(throws: SandboxControlError.self) {
                _ = try await sandbox.waitForRequests(pathPrefix: prefix, count: 2, timeout: 0.1)
            }
            let timedOut = try await client.get("/_sandbox/requests/wait?count=5&timeout_seconds=0.1")
            #expect(timedOut.status == 408)
        }
    }

    @Test("every response carries X-PunchPlay-Request-Id, and error bodies repeat it")
    func requestIDs() async throws {
        try await withSandbox { sandbox, client in
            let responses = [
                try await client.get("me"),
                try await client.get("no/such/endpoint"),
                try await client.post("auth/device/code", ["client_id": .string(Fixtures.clientID)]),
                try await client.send(.DELETE, "me"),
            ]
            #expect(responses.map(\.status) == [401, 404, 200, 404])
            for response in responses {
                let id = try #require(response.header("X-PunchPlay-Request-Id"))
                if response.status >= 400 {
                    let json = try #require(response.json)
                    #expect(json["request_id"]?.string == id)
                    #expect(json["message"]?.string?.isEmpty == false)
                    #expect(json["error"]?.string?.isEmpty == false)
                }
            }
            #expect(Set(responses.compactMap { $0.header("X-PunchPlay-Request-Id") }).count == responses.count)
            let recordedIDs = await sandbox.recordedRequests().map(\.requestID)
            #expect(recordedIDs == responses.compactMap { $0.header("X-PunchPlay-Request-Id") })
        }
    }

    @Test("an oversized body is refused with the contract's error body")
    func oversizedBody() async throws {
        try await withSandbox({ $0.maximumBodyBytes = 1024 }) { sandbox, client in
            let response = try await client.send(.POST, "auth/device/code", body: String(repeating: " ", count: 4096))
            #expect(response.status == 413)
            #expect(response.errorCode == "invalid_request")
            #expect(await sandbox.recordedRequests().map(\.responseStatus) == [413])
        }
    }
}
