import Foundation

/// One API request as the sandbox received it, for tests to assert on what a client really sent.
///
/// - Warning: headers and bodies are recorded verbatim, tokens and secrets included; they are for test
///   assertions only and never logged.
public struct RecordedRequest: Codable, Sendable, Equatable {
    /// The `X-PunchPlay-Request-Id` the sandbox answered with.
    public var requestID: String
    /// `GET`, `POST`, ...
    public var method: String
    /// The path without the query.
    public var path: String
    /// The query string, if any.
    public var query: String?
    /// Header fields by lower-cased name; repeated fields are joined with `, `.
    public var headers: [String: String]
    /// The body as UTF-8 text (invalid sequences replaced).
    public var body: String
    /// When the request arrived (the sandbox clock).
    public var receivedAt: Date
    /// The status answered, or `nil` when no response was sent (a hang or a dropped connection).
    public var responseStatus: Int?

    /// The value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }
}
