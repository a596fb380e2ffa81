import Foundation
import PlaybackModel

/// A successful (2xx) answer, read completely and within the size cap.
struct APIResponse: Sendable {
    var endpoint: String
    var status: Int
    var body: Data
    /// `X-PunchPlay-Request-Id`, which every response carries.
    var requestID: String?

    /// Decodes the body, turning any mismatch with the contract into a clear, transient error.
    func decode<Value: Decodable>(_ type: Value.Type) throws(PunchPlayError) -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: body)
        } catch {
            throw PunchPlayError.malformed(
                endpoint: endpoint,
                status: status,
                reason: Self.describe(error),
                requestID: requestID
            )
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted:
            return "the body is not valid JSON"
        case DecodingError.keyNotFound(let key, _):
            return "the field `\(key.stringValue)` is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "the field `\(path)` has the wrong type"
        default:
            return "the body does not match the API contract"
        }
    }
}
