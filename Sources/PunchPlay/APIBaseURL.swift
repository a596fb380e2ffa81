import Foundation

/// The service's base URL, checked once at the edge: `https` only (plain `http` is allowed for loopback
/// hosts, where the local sandbox runs), and no user name or password inside the URL, so tokens are never
/// sent in clear text across a network and no credential hides in a configuration value.
public struct APIBaseURL: Sendable, Hashable, CustomStringConvertible {
    /// The validated URL, without a trailing slash.
    public let url: URL

    /// The contract's default, `https://punchplay.tv`.
    public static let production = try! APIBaseURL("https://punchplay.tv")

    /// Validates `text`.
    /// - Throws: `APIBaseURLError` with a sentence naming what is wrong.
    public init(_ text: String) throws(APIBaseURLError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw APIBaseURLError("api_base_url is not an absolute URL; use something like https://punchplay.tv")
        }
        if components.user != nil || components.password != nil {
            throw APIBaseURLError("api_base_url must not contain a user name or password")
        }
        if components.query != nil || components.fragment != nil {
            throw APIBaseURLError("api_base_url must not contain a query or fragment")
        }
        switch scheme {
        case "https":
            break
        case "http" where Self.isLoopback(host):
            break
        case "http":
            throw APIBaseURLError("api_base_url must use https (plain http is only allowed for localhost)")
        default:
            throw APIBaseURLError("api_base_url must use https, not \(scheme)")
        }
        var normalized = components
        normalized.scheme = scheme
        while normalized.path.hasSuffix("/") { normalized.path.removeLast() }
        guard let url = normalized.url else {
            throw APIBaseURLError("api_base_url is not a valid URL")
        }
        self.url = url
    }

    /// The full URL of an API path such as `/api/platform/v1/me`.
    func endpoint(_ path: String) -> String {
        url.absoluteString + path
    }

    public var description: String { url.absoluteString }

    private static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare.hasSuffix(".localhost") || bare == "::1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.first == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}

/// Why a configured base URL was refused.
public struct APIBaseURLError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
