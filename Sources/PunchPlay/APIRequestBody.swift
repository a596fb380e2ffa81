import Foundation

/// A request body in one of the two encodings the contract uses: JSON everywhere, form-encoding for
/// `/oauth/token`.
enum APIRequestBody: Sendable {
    case json(Data)
    case form([(name: String, value: String)])

    /// Encodes `value` as JSON; our own request types always encode.
    static func json(encoding value: some Encodable) -> APIRequestBody {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return .json(try! encoder.encode(value))
    }

    var contentType: String {
        switch self {
        case .json: "application/json"
        case .form: "application/x-www-form-urlencoded"
        }
    }

    var bytes: Data {
        switch self {
        case .json(let data):
            return data
        case .form(let fields):
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let pairs = fields.map { field in
                let name = field.name.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
                let value = field.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
                return "\(name)=\(value)"
            }
            return Data(pairs.joined(separator: "&").utf8)
        }
    }
}
