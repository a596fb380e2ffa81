import Foundation

/// A JSON request body, the encoding every endpoint this agent calls uses (§2-§4).
struct APIRequestBody: Sendable {
    let bytes: Data
    let contentType = "application/json"

    /// Encodes `value`; our own request types always encode.
    static func json(encoding value: some Encodable) -> APIRequestBody {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return APIRequestBody(bytes: try! encoder.encode(value))
    }
}
