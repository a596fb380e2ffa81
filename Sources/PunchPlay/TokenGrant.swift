/// The token answer of `/auth/device/token` and `/auth/refresh` (§2, §3). `refresh_token` is optional on a
/// refresh: absent means "keep the old one".
struct TokenGrant: Decodable, Sendable {
    var accessToken: Secret
    var refreshToken: Secret?
    var expiresIn: Int
    var refreshExpiresIn: Int?
    var scope: String?
    var username: String?

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case refreshToken = "refresh_token"
        case expiresIn = "expires_in"
        case refreshExpiresIn = "refresh_expires_in"
        case scope, username
    }
}
