import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import PlaybackModel

/// The one place that talks HTTP: it adds the user agent, the bearer token and the timeout to every request,
/// reads bodies only up to the size cap, and turns every failure into a classified `PunchPlayError` that is
/// logged once with its endpoint, status and request id.
/// - Warning: bodies and headers are never logged; they carry tokens.
struct APITransport: Sendable {
    static let pathPrefix = "/api/platform/v1"
    static let requestIDHeader = "X-PunchPlay-Request-Id"

    let http: HTTPClient
    let settings: PunchPlayClient.Configuration
    let logger: Logger

    /// Sends one request and returns its 2xx answer.
    /// - Parameters:
    ///   - path: the path below `/api/platform/v1`.
    ///   - quietCodes: error codes that are part of normal operation (`authorization_pending`), logged at debug.
    func send(
        _ method: HTTPMethod,
        _ path: String,
        body: APIRequestBody? = nil,
        bearer: Secret? = nil,
        quietCodes: Set<String> = []
    ) async throws(PunchPlayError) -> APIResponse {
        let response = try await open(method, path, body: body, bearer: bearer, accept: "application/json")
        let endpoint = Self.endpoint(path)
        let status = Int(response.status.code)
        let requestID = response.headers.first(name: Self.requestIDHeader)
        guard (200..<300).contains(status) else {
            throw await failure(of: response, endpoint: endpoint, quietCodes: quietCodes)
        }
        let bytes: ByteBuffer
        do {
            bytes = try await response.body.collect(upTo: settings.maximumResponseBytes)
        } catch {
            let failure = Self.bodyFailure(error, endpoint: endpoint, response: response, settings: settings)
            log(failure, endpoint: endpoint, quiet: false)
            throw failure
        }
        logger.debug(
            "PunchPlay request succeeded",
            metadata: ["endpoint": "\(endpoint)", "status": "\(status)", "request_id": "\(requestID ?? "-")"]
        )
        return APIResponse(
            endpoint: endpoint, status: status, body: Data(bytes.readableBytesView), requestID: requestID)
    }

    /// Sends a request and returns the response, whatever its status, with the body still unread.
    /// - Parameter deadline: when the whole exchange, body included, must be over (default: the timeout).
    func open(
        _ method: HTTPMethod,
        _ path: String,
        body: APIRequestBody? = nil,
        bearer: Secret? = nil,
        accept: String,
        deadline: NIODeadline? = nil
    ) async throws(PunchPlayError) -> HTTPClientResponse {
        let endpoint = Self.endpoint(path)
        var request = HTTPClientRequest(url: settings.baseURL.endpoint(endpoint))
        request.method = method
        request.headers.add(name: "User-Agent", value: settings.userAgent)
        request.headers.add(name: "Accept", value: accept)
        if let bearer {
            request.headers.add(name: "Authorization", value: "Bearer \(bearer.exposedValue)")
        }
        if let body {
            request.headers.add(name: "Content-Type", value: body.contentType)
            request.body = .bytes(ByteBuffer(bytes: body.bytes))
        }
        logger.debug("PunchPlay request", metadata: ["endpoint": "\(endpoint)", "method": "\(method.rawValue)"])
        let timeout = TimeAmount(settings.requestTimeout)
        do {
            return try await http.execute(request, deadline: deadline ?? .now() + timeout)
        } catch {
            let failure = PunchPlayError.network(endpoint: endpoint, reason: Self.describe(error, timeout: timeout))
            log(failure, endpoint: endpoint, quiet: false)
            throw failure
        }
    }

    /// Reads a non-2xx answer's body (capped), classifies it and logs it.
    func failure(
        of response: HTTPClientResponse,
        endpoint: String,
        quietCodes: Set<String> = []
    ) async -> PunchPlayError {
        let bytes = (try? await response.body.collect(upTo: settings.maximumResponseBytes)) ?? ByteBuffer()
        let failure = PunchPlayError.response(
            endpoint: endpoint,
            status: Int(response.status.code),
            body: bytes.readableBytesView,
            retryAfterHeader: response.headers.first(name: "Retry-After"),
            requestIDHeader: response.headers.first(name: Self.requestIDHeader)
        )
        log(failure, endpoint: endpoint, quiet: failure.code.map(quietCodes.contains) ?? false)
        return failure
    }

    /// Logs a failure once, with everything support needs and nothing secret.
    func log(_ failure: PunchPlayError, endpoint: String, quiet: Bool) {
        logger.log(
            level: quiet ? .debug : .notice,
            "PunchPlay request failed",
            metadata: [
                "endpoint": "\(endpoint)",
                "status": "\(failure.status.map(String.init) ?? "none")",
                "error": "\(failure.code ?? "-")",
                "request_id": "\(failure.requestID ?? "none")",
                "message": "\(failure.message)",
            ]
        )
    }

    static func endpoint(_ path: String) -> String {
        pathPrefix + path
    }

    private static func bodyFailure(
        _ error: any Error,
        endpoint: String,
        response: HTTPClientResponse,
        settings: PunchPlayClient.Configuration
    ) -> PunchPlayError {
        let reason =
            error is NIOTooManyBytesError
            ? "the body is larger than \(settings.maximumResponseBytes) bytes"
            : "the body could not be read (\(describe(error, timeout: TimeAmount(settings.requestTimeout))))"
        return .malformed(
            endpoint: endpoint,
            status: Int(response.status.code),
            reason: reason,
            requestID: response.headers.first(name: requestIDHeader)
        )
    }

    private static func describe(_ error: any Error, timeout: TimeAmount) -> String {
        if let httpError = error as? HTTPClientError {
            switch httpError {
            case .deadlineExceeded, .readTimeout:
                return "no answer within \(timeout.nanoseconds / 1_000_000_000) s"
            case .connectTimeout:
                return "the connection timed out"
            case .remoteConnectionClosed:
                return "the server closed the connection"
            default:
                return "\(httpError)"
            }
        }
        if error is CancellationError { return "cancelled" }
        return "\(error)"
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        self = .nanoseconds(duration.wholeNanoseconds)
    }
}
