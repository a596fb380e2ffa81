import Foundation
import TOMLKit

/// Keeps secrets out of configuration error messages: the client secret is never echoed, credentials in a URL
/// are masked, and long or multi-line values are shortened to one line.
enum ConfigurationSecrets {
    static let redacted = "<redacted>"
    private static let maximumDisplayLength = 120

    /// How `value` of `key` is shown in a message.
    static func displayValue(_ value: any TOMLValueConvertible, key: String) -> String {
        if ConfigurationKeys.secrets.contains(key) { return redacted }
        if value.type == .table { return "(a table)" }
        var text = value.string.map { "\"\(maskingURLCredentials(in: $0))\"" } ?? value.debugDescription
        text = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        if text.count > maximumDisplayLength {
            text = String(text.prefix(maximumDisplayLength)) + "…"
        }
        return text
    }

    /// `https://user:pass@host/` → `https://<redacted>@host/`; other text unchanged.
    static func maskingURLCredentials(in text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let authorityEnd = text[schemeEnd.upperBound...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" }
        let authority = text[schemeEnd.upperBound..<(authorityEnd ?? text.endIndex)]
        guard let at = authority.lastIndex(of: "@") else { return text }
        return String(text[..<schemeEnd.upperBound]) + redacted + String(text[at...])
    }
}
