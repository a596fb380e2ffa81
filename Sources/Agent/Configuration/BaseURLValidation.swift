import Foundation

/// Checks `api_base_url`: https only, except plain http to a loopback host (the local sandbox); no user name
/// or password inside the URL; no query or fragment.
enum BaseURLValidation {
    static let expected =
        "an https:// URL without user name, password, query or fragment (http:// only for localhost, "
        + "127.0.0.1 or [::1]), e.g. \"https://punchplay.tv\""

    /// The URL without a trailing slash when it is acceptable, else `nil`.
    static func validated(_ text: String) -> String? {
        guard let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty,
            components.user == nil, components.password == nil,
            components.query == nil, components.fragment == nil
        else { return nil }
        guard scheme == "https" || (scheme == "http" && isLoopback(host)) else { return nil }
        var normalized = text
        while normalized.hasSuffix("/") { normalized.removeLast() }
        return normalized
    }

    /// `localhost`, `127.0.0.0/8` and `::1`.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
