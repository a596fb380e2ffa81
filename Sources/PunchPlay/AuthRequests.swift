/// The JSON bodies of the auth endpoints (§2, §3). Optional fields are left out when nil.
enum AuthRequests {
    struct DeviceCode: Encodable {
        var clientID: String
        var scope: String
        var clientSecret: Secret?

        enum CodingKeys: String, CodingKey {
            case clientID = "client_id"
            case scope
            case clientSecret = "client_secret"
        }
    }

    struct DeviceToken: Encodable {
        var clientID: String
        var deviceCode: Secret
        var clientSecret: Secret?
        var deviceID: String?
        var deviceName: String?

        enum CodingKeys: String, CodingKey {
            case clientID = "client_id"
            case deviceCode = "device_code"
            case clientSecret = "client_secret"
            case deviceID = "device_id"
            case deviceName = "device_name"
        }
    }

    struct Refresh: Encodable {
        var clientID: String
        var refreshToken: Secret
        var clientSecret: Secret?

        enum CodingKeys: String, CodingKey {
            case clientID = "client_id"
            case refreshToken = "refresh_token"
            case clientSecret = "client_secret"
        }
    }

    struct Revoke: Encodable {
        var clientID: String
        var token: Secret
        var tokenTypeHint: String

        enum CodingKeys: String, CodingKey {
            case clientID = "client_id"
            case token
            case tokenTypeHint = "token_type_hint"
        }
    }
}
