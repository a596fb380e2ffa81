import Foundation
import Hummingbird

/// Acts out one `SandboxFault` in place of the real answer.
struct FaultPlayer {
    /// Thrown when the fault sends no response at all (hang, dropped connection); the connection is closed.
    struct NoResponse: Error {}

    let state: SandboxState

    func play(
        _ fault: SandboxFault,
        context: SandboxRequestContext,
        handleNormally: () async throws -> Response
    ) async throws -> Response {
        switch fault.kind {
        case .status:
            let status = HTTPResponse.Status(code: fault.status ?? 503)
            var error = SandboxAPIError(
                status: status,
                code: fault.code ?? Self.errorCode(for: status.code),
                message: "Injected fault: the sandbox answers \(status.code) on purpose."
            )
            error.retryAfterSeconds = fault.retryAfterSeconds
            throw error
        case .hang:
            for await _ in await state.shutdownSignal() {}
            try? await context.channel.close()
            throw NoResponse()
        case .delay:
            await waitUntilShutdown(orAtMost: fault.delaySeconds ?? 1)
            return try await handleNormally()
        case .dropConnection:
            try? await context.channel.close()
            throw NoResponse()
        case .notJSON:
            return Response(
                status: .ok,
                headers: [.contentType: "text/html"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "<html><body>502 Bad Gateway</body></html>"))
            )
        case .wrongTypes:
            return .json(Self.wrongTypes)
        case .hugeBody:
            return Self.hugeBody(bytes: fault.bodyBytes ?? 10 * 1024 * 1024)
        }
    }

    private func waitUntilShutdown(orAtMost seconds: Double) async {
        let signal = await state.shutdownSignal()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: .seconds(seconds)) }
            group.addTask { for await _ in signal {} }
            await group.next()
            group.cancelAll()
        }
    }

    private static func errorCode(for status: Int) -> String {
        switch status {
        case 401: "invalid_token"
        case 403: "insufficient_scope"
        case 404: "not_found"
        case 429: "rate_limited"
        case 500...: "server_error"
        default: "invalid_request"
        }
    }

    /// Every field name a contract response has, each with a value of the wrong type.
    private static let wrongTypes: JSONValue = [
        "access_token": 12345, "refresh_token": false, "token_type": 7, "expires_in": "soon",
        "refresh_expires_in": [], "scope": 42, "username": [:], "device_code": 1, "user_code": 2,
        "verification_uri": 3, "verification_uri_complete": 4, "verification_uri_qr": 5, "ok": "yes",
        "deduped": "no", "ignored": 9, "tmdb_id": "x", "id": 10, "scopes": "all", "name": 11, "email": 12,
        "nowPlaying": "maybe", "progressPercent": "half", "items": [:], "error": 13, "message": 14,
        "request_id": 15,
    ]

    /// `bytes` bytes of an unterminated JSON string, streamed in chunks.
    private static func hugeBody(bytes: Int) -> Response {
        let prefix = ByteBuffer(string: "{\"data\":\"")
        let chunk = ByteBuffer(repeating: UInt8(ascii: "x"), count: 64 * 1024)
        let total = max(bytes, prefix.readableBytes)
        let body = ResponseBody(contentLength: total) { writer in
            try await writer.write(prefix)
            var remaining = total - prefix.readableBytes
            while remaining > 0 {
                let size = min(remaining, chunk.readableBytes)
                try await writer.write(chunk.getSlice(at: 0, length: size)!)
                remaining -= size
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "application/json"], body: body)
    }
}
