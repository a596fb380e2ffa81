/// Every failure of a call to PunchPlay, in one shape: what support needs (status, error code, request id)
/// and what the caller needs (retry class, `Retry-After`).
/// - Warning: never put a token or secret into `message`; it is logged and shown to users.
public struct PunchPlayError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status, or nil when no response arrived (network error, timeout).
    public var status: Int?
    /// The contract's `error` code (`invalid_grant`, `rate_limited`, ...), when the server sent one.
    public var code: String?
    /// A human sentence saying what went wrong and, where possible, what to do.
    public var message: String
    /// `request_id` from the body, else the `X-PunchPlay-Request-Id` header.
    public var requestID: String?
    /// The scope a 403 `insufficient_scope` names.
    public var requiredScope: String?
    public var retryClass: RetryClass
    /// `Retry-After`, when the server asked for a pause.
    public var retryAfter: Duration?

    public init(
        status: Int?,
        code: String? = nil,
        message: String,
        requestID: String? = nil,
        requiredScope: String? = nil,
        retryClass: RetryClass,
        retryAfter: Duration? = nil
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.requestID = requestID
        self.requiredScope = requiredScope
        self.retryClass = retryClass
        self.retryAfter = retryAfter
    }

    public var description: String {
        var parts: [String] = []
        if let status { parts.append("HTTP \(status)") }
        if let code { parts.append(code) }
        var text = parts.isEmpty ? message : "\(parts.joined(separator: " ")): \(message)"
        if let requestID { text += " (request id \(requestID))" }
        return text
    }
}
