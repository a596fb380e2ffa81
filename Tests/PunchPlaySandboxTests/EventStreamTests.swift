import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

@testable import PunchPlaySandbox

@Suite("Live events (SSE)")
struct EventStreamTests {
    private func open(_ client: SandboxClient, token: String) async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: client.url("playback/events"))
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Accept", value: "text/event-stream")
        return try await HTTPClient.shared.execute(request, timeout: .seconds(30))
    }

    @Test("the stream says ready, then one playback-update per state change with a rising sequence")
    func readyThenUpdates() async throws {
        try await withSandbox { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            let response = try await open(client, token: token)
            #expect(response.status.code == 200)
            #expect(response.headers.first(name: "Content-Type") == "text/event-stream")
            var events = EventStreamReader(response.body)
            let ready = try #require(try await events.next())
            #expect(ready.name == "ready")
            #expect(ready.data?["connectedAt"]?.string?.contains("T") == true)

            let start = Fixtures.playback(event: "e1")
            _ = try await client.post("playback/start", start, token: token)
            let first = try #require(try await events.next())
            #expect(first.name == "playback-update")
            #expect(first.data?["sequence"]?.integer == 1)
            #expect(first.data?["userId"]?.string == "usr_sandbox")
            #expect(first.data?["emittedAt"]?.string != nil)

            _ = try await client.post("playback/start", start, token: token)
            _ = try await client.post("playback/pause", Fixtures.playback(event: "e2", at: 1), token: token)
            let second = try #require(try await events.next())
            #expect(second.data?["sequence"]?.integer == 2)
        }
    }

    @Test("closing the streams ends them cleanly, and a reconnect gets ready again")
    func closeStreams() async throws {
        try await withSandbox { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            var events = EventStreamReader(try await open(client, token: token).body)
            #expect(try await events.next()?.name == "ready")
            await sandbox.closeEventStreams()
            #expect(try await events.next() == nil)
            var again = EventStreamReader(try await open(client, token: token).body)
            #expect(try await again.next()?.name == "ready")
        }
    }

    @Test("an idle stream carries keep-alive comments")
    func keepAlive() async throws {
        try await withSandbox({ $0.keepAliveInterval = 0.05 }) { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            var events = EventStreamReader(try await open(client, token: token).body)
            #expect(try await events.next()?.name == "ready")
            #expect(try await events.next()?.name == ":")
        }
    }

    @Test("the stream needs Accept: text/event-stream")
    func needsAccept() async throws {
        try await withSandbox { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            let response = try await client.get("playback/events", token: token)
            #expect(response.status == 400)
            #expect(response.errorCode == "invalid_request")
        }
    }
}
