/// A token pair handed out by the sandbox, returned to tests that skip the login flow.
///
/// - Warning: contains live credentials for the sandbox; do not log it.
public struct IssuedTokens: Codable, Sendable, Equatable {
    public var accessToken: String
    public var refreshToken: String
    /// Seconds until the access token expires.
    public var expiresIn: Int
    /// Seconds until the refresh token expires.
    public var refreshExpiresIn: Int
    /// Granted scopes.
    public var scopes: [String]
}
