/// How the sandbox's refresh endpoints were used, for tests that must prove "exactly one refresh" and "no
/// refresh token reused" across processes: the request log alone cannot tell a reuse from any other
/// `invalid_grant`.
public struct RefreshStatistics: Codable, Sendable, Equatable {
    /// Refreshes (`/auth/refresh` and the refresh grant of `/oauth/token`) that issued a new access token.
    public var refreshes = 0
    /// Refresh tokens presented after they had been used, each of which revoked its whole login.
    public var reuseDetections = 0

    public init(refreshes: Int = 0, reuseDetections: Int = 0) {
        self.refreshes = refreshes
        self.reuseDetections = reuseDetections
    }
}
