import HTTPTypes

/// A failure the sandbox answers with the contract's error body `{error, message, request_id, required_scope?}`.
///
/// Every handler throws this type; the error middleware turns it into the response, so each status, code and
/// header (`Retry-After`, rate-limit headers) is decided in exactly one place.
struct SandboxAPIError: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var requiredScope: String?
    var retryAfterSeconds: Int?
    var extraHeaders: HTTPFields = [:]

    static func invalidRequest(_ message: String) -> Self {
        .init(status: .badRequest, code: "invalid_request", message: message)
    }

    static func invalidClient(_ message: String) -> Self {
        .init(status: .unauthorized, code: "invalid_client", message: message)
    }

    static func invalidGrant(_ message: String) -> Self {
        .init(status: .badRequest, code: "invalid_grant", message: message)
    }

    static func invalidScope(_ message: String) -> Self {
        .init(status: .badRequest, code: "invalid_scope", message: message)
    }

    static func invalidToken(_ message: String) -> Self {
        .init(status: .unauthorized, code: "invalid_token", message: message)
    }

    static func insufficientScope(_ scope: String) -> Self {
        .init(
            status: .forbidden,
            code: "insufficient_scope",
            message: "The access token lacks the scope \(scope) this endpoint needs.",
            requiredScope: scope
        )
    }

    static func deviceFlow(_ code: String, _ message: String) -> Self {
        .init(status: .badRequest, code: code, message: message)
    }

    static func conflict(_ message: String) -> Self {
        .init(status: .conflict, code: "invalid_request", message: message)
    }

    static func notFound(_ message: String) -> Self {
        .init(status: .notFound, code: "not_found", message: message)
    }

    static func unsupportedGrantType(_ grantType: String) -> Self {
        .init(
            status: .badRequest,
            code: "unsupported_grant_type",
            message: "grant_type \(grantType) is not supported; use authorization_code or refresh_token."
        )
    }

    static func serverError(_ message: String) -> Self {
        .init(status: .internalServerError, code: "server_error", message: message)
    }
}
