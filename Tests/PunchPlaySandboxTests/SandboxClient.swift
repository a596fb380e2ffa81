import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

@testable import PunchPlaySandbox

/// A raw HTTP client for the tests (async-http-client, never the `PunchPlay` module): paths starting with `/`
/// are taken from the server root, others are relative to `/api/platform/v1`.
struct SandboxClient {
    let sandbox: PunchPlaySandbox
    var timeout: TimeAmount = .seconds(10)

    func url(_ path: String) -> String {
        path.hasPrefix("/") ? sandbox.baseURL.absoluteString + path : sandbox.apiBaseURL.absoluteString + "/" + path
    }

    func send(
        _ method: HTTPMethod,
        _ path: String,
        body: String? = nil,
        contentType: String? = "application/json",
        token: String? = nil,
        headers: [(String, String)] = []
    ) async throws -> TestResponse {
        var request = HTTPClientRequest(url: url(path))
        request.method = method
        if let body {
            request.body = .bytes(ByteBuffer(string: body))
            if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        }
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        let buffer = try await response.body.collect(upTo: 32 * 1024 * 1024)
        return TestResponse(status: Int(response.status.code), headers: response.headers, body: Data(buffer: buffer))
    }

    func post(_ path: String, _ json: JSONValue, token: String? = nil) async throws -> TestResponse {
        try await send(.POST, path, body: String(decoding: json.encoded, as: UTF8.self), token: token)
    }

    func get(_ path: String, token: String? = nil) async throws -> TestResponse {
        try await send(.GET, path, token: token)
    }

    func postForm(_ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = fields.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
        return try await send(.POST, path, body: body, contentType: "application/x-www-form-urlencoded")
    }
}

/// Runs `body` against a fresh sandbox on an ephemeral port, configured by `configure`, with its clock frozen so
/// only `advanceClock` moves time.
func withSandbox(
    _ configure: (inout SandboxConfiguration) -> Void = { _ in },
    _ body: (PunchPlaySandbox, SandboxClient) async throws -> Void
) async throws {
    var configuration = SandboxConfiguration()
    configure(&configuration)
    try await PunchPlaySandbox.withRunning(configuration: configuration) { sandbox in
        await sandbox.freezeClock()
        try await body(sandbox, SandboxClient(sandbox: sandbox))
    }
}
