import AsyncHTTPClient
import Foundation
import NIOCore
import TestSupport
import Testing

@Suite("punchplay-sandbox executable")
struct ExecutableTests {
    @Test("it prints its URL and client id, serves the API, and exits cleanly on SIGTERM with a live stream open")
    func runsAndStops() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let output = try FIFOLineReader(path: directory.file("sandbox.out"))
        let process = try ChildProcess(
            BuiltBinary.path("punchplay-sandbox"),
            ["--port", "0", "--client-id", "e2e-client", "--log-level", "error"],
            output: .file(output.path),
            errors: .descriptor(STDERR_FILENO)
        )
        defer { process.send(SIGKILL) }

        var printed: [String: String] = [:]
        for await line in output.lines {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { printed[parts[0]] = parts[1] }
            if printed.count == 2 { break }
        }
        #expect(printed["PUNCHPLAY_SANDBOX_CLIENT_ID"] == "e2e-client")
        let baseURL = try #require(printed["PUNCHPLAY_SANDBOX_URL"])
        #expect(baseURL.hasPrefix("http://127.0.0.1:"))

        var request = HTTPClientRequest(url: baseURL + "/api/platform/v1/auth/device/code")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: #"{"client_id": "e2e-client"}"#))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        #expect(response.status.code == 200)
        let body = try await response.body.collect(upTo: 1024 * 1024)
        #expect(String(buffer: body).contains("user_code"))

        var tokenRequest = HTTPClientRequest(url: baseURL + "/_sandbox/tokens")
        tokenRequest.method = .POST
        let tokens = try await HTTPClient.shared.execute(tokenRequest, timeout: .seconds(10))
        let tokenBody = Data(buffer: try await tokens.body.collect(upTo: 1024 * 1024))
        let accessToken = try #require(
            (try JSONSerialization.jsonObject(with: tokenBody) as? [String: Any])?["accessToken"] as? String
        )
        var streamRequest = HTTPClientRequest(url: baseURL + "/api/platform/v1/playback/events")
        streamRequest.headers.add(name: "Authorization", value: "Bearer \(accessToken)")
        streamRequest.headers.add(name: "Accept", value: "text/event-stream")
        let stream = try await HTTPClient.shared.execute(streamRequest, timeout: .seconds(30))
        var chunks = stream.body.makeAsyncIterator()
        let ready = try #require(try await chunks.next())
        #expect(String(buffer: ready).hasPrefix("event: ready"))

        process.send(SIGTERM)
        #expect(await process.exited() == 0)
        #expect(try await chunks.next() == nil)
    }
}
