/// Who is logged in, from `GET /me` (§3): what `login` and `status` show, and the granted scopes checked
/// after login.
public struct Account: Sendable, Hashable, Codable {
    public var id: String
    public var username: String
    public var name: String?
    public var email: String?
    public var clientType: String?
    public var scopes: [String]
    public var developerApp: DeveloperApp?

    /// The developer app the token belongs to.
    public struct DeveloperApp: Sendable, Hashable, Codable {
        public var id: String
        public var name: String

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decodeLenientID(forKey: .id)
            name = try container.decode(String.self, forKey: .name)
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, username, name, email, scopes
        case clientType = "client_type"
        case developerApp = "developer_app"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeLenientID(forKey: .id)
        username = try container.decode(String.self, forKey: .username)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        email = try container.decodeIfPresent(String.self, forKey: .email)
        clientType = try container.decodeIfPresent(String.self, forKey: .clientType)
        scopes = try container.decode([String].self, forKey: .scopes)
        developerApp = try container.decodeIfPresent(DeveloperApp.self, forKey: .developerApp)
    }

    /// The agent's scopes this account's token lacks, in the order of `PunchPlayScope.allCases`.
    public var missingScopes: [PunchPlayScope] {
        PunchPlayScope.allCases.filter { !scopes.contains($0.rawValue) }
    }
}

extension KeyedDecodingContainer {
    /// Ids are documented without a type; accept a JSON string or integer.
    func decodeLenientID(forKey key: Key) throws -> String {
        if let number = try? decode(Int64.self, forKey: key) { return String(number) }
        return try decode(String.self, forKey: key)
    }
}
