import Foundation
import PlaybackModel

extension PunchPlayError {
    /// The longest server `message` kept; longer ones are cut so a garbage body cannot flood logs or screens.
    static let maximumServerMessageLength = 300

    /// Classifies a non-2xx answer (`shared/punchplay-api.md` §6): the request id comes from the body first,
    /// then the `X-PunchPlay-Request-Id` header; the retry class from the status and `error` code.
    /// - Parameters:
    ///   - endpoint: the path that was called, for the message.
    ///   - retryAfterHeader: the raw `Retry-After` value, if any.
    ///   - requestIDHeader: the raw `X-PunchPlay-Request-Id` value, if any.
    ///   - body: the response body, which may be anything.
    static func response(
        endpoint: String,
        status: Int,
        body: some Collection<UInt8>,
        retryAfterHeader: String?,
        requestIDHeader: String?
    ) -> PunchPlayError {
        let parsed = try? JSONDecoder().decode(ErrorBody.self, from: Data(body))
        let code = parsed?.error.flatMap(nonEmpty)
        let retryClass = classify(status: status, code: code)
        let serverMessage = parsed?.message.flatMap(nonEmpty).map(shortened)
        return PunchPlayError(
            status: status,
            code: code,
            message: serverMessage ?? defaultMessage(endpoint: endpoint, status: status, code: code),
            requestID: parsed?.requestID.flatMap(nonEmpty) ?? requestIDHeader.flatMap(nonEmpty),
            requiredScope: parsed?.requiredScope.flatMap(nonEmpty),
            retryClass: retryClass,
            retryAfter: retryAfterHeader.flatMap(parseRetryAfter)
        )
    }

    /// A failure before any answer arrived: connection refused or dropped, DNS, TLS, or the timeout.
    static func network(endpoint: String, reason: String) -> PunchPlayError {
        PunchPlayError(
            status: nil,
            message: "Could not reach PunchPlay at \(endpoint): \(reason)",
            retryClass: .transient
        )
    }

    /// A 2xx answer whose body is not what the contract promises (not JSON, wrong types, too large).
    static func malformed(endpoint: String, status: Int, reason: String, requestID: String?) -> PunchPlayError {
        PunchPlayError(
            status: status,
            message: "PunchPlay sent an unreadable answer to \(endpoint): \(reason)",
            requestID: requestID,
            retryClass: .transient
        )
    }

    /// The state every authenticated call fails with once the refresh token was refused or there is none.
    static func loginRequired(_ reason: String) -> PunchPlayError {
        PunchPlayError(
            status: nil,
            code: "login_required",
            message: "\(reason) Run `punchplay-mpris login` to log in again.",
            retryClass: .loginRequired
        )
    }

    /// A 403 `insufficient_scope` on an authenticated call: only a new login that grants the scope helps, so it
    /// holds like a lost login instead of failing the request for good.
    static func missingScope(_ refusal: PunchPlayError) -> PunchPlayError {
        var error = refusal
        let scope = refusal.requiredScope.map { "the scope \($0)" } ?? "a scope it needs"
        error.message = "The PunchPlay login lacks \(scope). Run `punchplay-mpris login` to log in again, allowing it."
        error.retryClass = .loginRequired
        return error
    }

    /// The retry class of §6: 408/429/5xx transient; 401, `invalid_grant` and `invalid_client` need a login;
    /// every other status is permanent for that request.
    static func classify(status: Int, code: String?) -> RetryClass {
        if code == "invalid_grant" || code == "invalid_client" { return .loginRequired }
        switch status {
        case 408, 429, 500...599: return .transient
        case 401: return .loginRequired
        default: return .permanent
        }
    }

    /// `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3); nil when unreadable.
    static func parseRetryAfter(_ value: String) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return seconds >= 0 ? .seconds(seconds) : nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return .seconds(max(0, Int(date.timeIntervalSinceNow.rounded(.up))))
    }

    private static func defaultMessage(endpoint: String, status: Int, code: String?) -> String {
        switch (status, code) {
        case (_, "insufficient_scope"):
            return "The login does not grant the scope \(endpoint) needs."
        case (401, _):
            return "PunchPlay refused the access token for \(endpoint)."
        case (403, _):
            return "PunchPlay refused \(endpoint) for this login."
        case (404, _):
            return "PunchPlay does not know \(endpoint)."
        case (409, _):
            return "PunchPlay refused \(endpoint) because it conflicts with the session's state."
        case (429, _):
            return "Too many requests to PunchPlay; slowing down."
        case (500...599, _):
            return "PunchPlay had a temporary problem answering \(endpoint)."
        case (300...399, _):
            return "PunchPlay answered \(endpoint) with a redirect, which this agent does not follow."
        default:
            return "PunchPlay refused \(endpoint)."
        }
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func shortened(_ text: String) -> String {
        text.count <= maximumServerMessageLength ? text : String(text.prefix(maximumServerMessageLength)) + "…"
    }
}
