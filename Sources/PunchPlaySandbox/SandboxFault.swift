import Foundation

/// A failure the sandbox plays instead of answering the next matching API requests, so tests can see how a
/// client copes with a broken, slow or hostile server.
public struct SandboxFault: Codable, Sendable, Equatable {
    /// What happens to a matching request.
    public enum Kind: String, Codable, Sendable {
        /// Answer `status` with a contract error body (and `Retry-After` when `retryAfterSeconds` is set).
        case status
        /// Never answer; the connection stays open until the client gives up or the sandbox stops.
        case hang
        /// Wait `delaySeconds`, then handle the request normally.
        case delay
        /// Close the connection without sending a response.
        case dropConnection
        /// Answer 200 with a body that is not JSON.
        case notJSON
        /// Answer 200 with JSON whose fields all have the wrong type.
        case wrongTypes
        /// Answer 200 with `bodyBytes` (10 MB by default) of JSON-looking garbage.
        case hugeBody
    }

    /// The behaviour.
    public var kind: Kind
    /// How many matching requests it applies to.
    public var count: Int
    /// Only requests whose path starts with this (e.g. `/api/platform/v1/playback`); `nil` matches any API path.
    public var pathPrefix: String?
    /// HTTP status for `.status`.
    public var status: Int?
    /// The contract `error` code for `.status` (`invalid_request`, `invalid_grant`, ...); `nil` picks the usual
    /// code for the status.
    public var code: String?
    /// `Retry-After` for `.status`.
    public var retryAfterSeconds: Int?
    /// Delay for `.delay`.
    public var delaySeconds: Double?
    /// Body size for `.hugeBody`.
    public var bodyBytes: Int?

    public init(
        kind: Kind,
        count: Int = 1,
        pathPrefix: String? = nil,
        status: Int? = nil,
        code: String? = nil,
        retryAfterSeconds: Int? = nil,
        delaySeconds: Double? = nil,
        bodyBytes: Int? = nil
    ) {
        self.kind = kind
        self.count = count
        self.pathPrefix = pathPrefix
        self.status = status
        self.code = code
        self.retryAfterSeconds = retryAfterSeconds
        self.delaySeconds = delaySeconds
        self.bodyBytes = bodyBytes
    }

    /// Decodes a fault; a missing `count` means 1.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        count = try container.decodeIfPresent(Int.self, forKey: .count) ?? 1
        pathPrefix = try container.decodeIfPresent(String.self, forKey: .pathPrefix)
        status = try container.decodeIfPresent(Int.self, forKey: .status)
        code = try container.decodeIfPresent(String.self, forKey: .code)
        retryAfterSeconds = try container.decodeIfPresent(Int.self, forKey: .retryAfterSeconds)
        delaySeconds = try container.decodeIfPresent(Double.self, forKey: .delaySeconds)
        bodyBytes = try container.decodeIfPresent(Int.self, forKey: .bodyBytes)
    }

    /// Answer the next `count` matching requests with `status` and `code` (by default the usual one for `status`).
    public static func status(
        _ status: Int,
        code: String? = nil,
        count: Int = 1,
        pathPrefix: String? = nil,
        retryAfterSeconds: Int? = nil
    ) -> SandboxFault {
        SandboxFault(
            kind: .status,
            count: count,
            pathPrefix: pathPrefix,
            status: status,
            code: code,
            retryAfterSeconds: retryAfterSeconds
        )
    }

    /// Never answer the next `count` matching requests.
    public static func hang(count: Int = 1, pathPrefix: String? = nil) -> SandboxFault {
        SandboxFault(kind: .hang, count: count, pathPrefix: pathPrefix)
    }

    /// Answer the next `count` matching requests only after `seconds`.
    public static func delay(_ seconds: Double, count: Int = 1, pathPrefix: String? = nil) -> SandboxFault {
        SandboxFault(kind: .delay, count: count, pathPrefix: pathPrefix, delaySeconds: seconds)
    }

    /// Close the connection of the next `count` matching requests without a response.
    public static func dropConnection(count: Int = 1, pathPrefix: String? = nil) -> SandboxFault {
        SandboxFault(kind: .dropConnection, count: count, pathPrefix: pathPrefix)
    }

    /// Answer 200 with a non-JSON body.
    public static func notJSON(count: Int = 1, pathPrefix: String? = nil) -> SandboxFault {
        SandboxFault(kind: .notJSON, count: count, pathPrefix: pathPrefix)
    }

    /// Answer 200 with JSON of the wrong types.
    public static func wrongTypes(count: Int = 1, pathPrefix: String? = nil) -> SandboxFault {
        SandboxFault(kind: .wrongTypes, count: count, pathPrefix: pathPrefix)
    }

    /// Answer 200 with a body of `bytes` bytes (10 MB by default).
    public static func hugeBody(bytes: Int = 10 * 1024 * 1024, count: Int = 1, pathPrefix: String? = nil)
        -> SandboxFault
    {
        SandboxFault(kind: .hugeBody, count: count, pathPrefix: pathPrefix, bodyBytes: bytes)
    }

    func matches(path: String) -> Bool {
        pathPrefix.map { path.hasPrefix($0) } ?? true
    }
}
