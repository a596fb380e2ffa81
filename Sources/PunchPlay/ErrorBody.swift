/// The contract's error body, `{error, message, request_id, required_scope?}` (§6), decoded tolerantly:
/// a field of the wrong type counts as absent, so a garbled body still yields whatever is readable.
struct ErrorBody: Decodable, Sendable {
    var error: String?
    var message: String?
    var requestID: String?
    var requiredScope: String?

    enum CodingKeys: String, CodingKey {
        case error, message
        case requestID = "request_id"
        case requiredScope = "required_scope"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        error = try? container.decodeIfPresent(String.self, forKey: .error)
        message = try? container.decodeIfPresent(String.self, forKey: .message)
        requestID = try? container.decodeIfPresent(String.self, forKey: .requestID)
        requiredScope = try? container.decodeIfPresent(String.self, forKey: .requiredScope)
    }
}
