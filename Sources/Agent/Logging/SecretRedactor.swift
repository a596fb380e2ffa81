import Logging

/// Masks secrets before a log line is written: metadata whose key names a secret (tokens, `Authorization`,
/// `client_secret`, `device_code`, passwords, cookies), and secrets embedded in text (`Bearer …`, JSON and
/// form fields such as `"refresh_token":"…"` or `access_token=…`, credentials inside URLs).
///
/// This is the last line of defence; code should not log secrets in the first place.
public enum SecretRedactor {
    /// What a secret is replaced with.
    public static let mask = "<redacted>"

    private static let sensitiveKeyFragments = [
        "token", "secret", "password", "passwd", "authorization", "device_code", "cookie", "api_key", "apikey",
        "credential",
    ]

    /// True when a metadata key or field name names a secret (`access_token`, `Authorization`,
    /// `client-secret`, `X-Api-Key`).
    public static func isSensitive(key: String) -> Bool {
        let normalized = key.lowercased().replacingOccurrences(of: "-", with: "_")
        return sensitiveKeyFragments.contains { normalized.contains($0) }
    }

    /// `metadata` with every sensitive value masked and every text value scrubbed.
    public static func redact(_ metadata: Logger.Metadata) -> Logger.Metadata {
        var result: Logger.Metadata = [:]
        for (key, value) in metadata {
            result[key] = isSensitive(key: key) ? .string(mask) : redact(value)
        }
        return result
    }

    /// One metadata value, scrubbed recursively.
    public static func redact(_ value: Logger.MetadataValue) -> Logger.MetadataValue {
        switch value {
        case .string(let text):
            .string(redact(text: text))
        case .stringConvertible(let convertible):
            .string(redact(text: convertible.description))
        case .dictionary(let dictionary):
            .dictionary(redact(dictionary))
        case .array(let values):
            .array(values.map(redact))
        }
    }

    /// `text` with bearer tokens, secret JSON/form fields and URL credentials masked.
    ///
    /// Regular expressions are slow (about 0.5 ms per pattern on a line), so each runs only when a cheap
    /// substring test says the line could contain what it masks; ordinary lines cost a lowercase copy.
    public static func redact(text: String) -> String {
        guard text.count >= 6 else { return text }
        let lowered = text.lowercased()
        var result = text
        if lowered.contains("bearer") || lowered.contains("basic") {
            result.replace(/(?i)(bearer|basic)\s+[A-Za-z0-9\-._~+\/=]+/) { match in
                "\(match.output.1) \(mask)"
            }
        }
        if secretFieldNames.contains(where: lowered.contains) {
            result.replace(
                /(?i)("[A-Za-z_\-]*(?:token|secret|password|device_code)[A-Za-z_\-]*"\s*:\s*)"(?:[^"\\]|\\.)*"/
            ) { match in
                "\(match.output.1)\"\(mask)\""
            }
            result.replace(/(?i)\b([A-Za-z_\-]*(?:token|secret|password|device_code)[A-Za-z_\-]*=)[^&\s"]+/) { match in
                "\(match.output.1)\(mask)"
            }
        }
        if lowered.contains("://") && lowered.contains("@") {
            result.replace(/([A-Za-z][A-Za-z0-9+.\-]*:\/\/)[^\/\s@]+@/) { match in
                "\(match.output.1)\(mask)@"
            }
        }
        return result
    }

    /// Field names whose values are secrets when they appear inside text (JSON bodies, form bodies, queries).
    private static let secretFieldNames = ["token", "secret", "password", "device_code"]
}
