import Foundation
import PlaybackModel

/// The token pair as it is persisted in a credential store, with absolute expiry times so it survives
/// restarts. Printing it shows no token.
public struct StoredCredentials: Sendable, Hashable, Codable {
    public var accessToken: Secret
    public var refreshToken: Secret
    public var accessTokenExpiresAt: Date
    /// When the access token was received; with the expiry it gives the token's lifetime.
    public var accessTokenIssuedAt: Date?
    public var refreshTokenExpiresAt: Date?
    /// The granted scopes, as the token answer listed them.
    public var scopes: [String]
    public var username: String?

    public init(
        accessToken: Secret,
        refreshToken: Secret,
        accessTokenExpiresAt: Date,
        accessTokenIssuedAt: Date? = nil,
        refreshTokenExpiresAt: Date? = nil,
        scopes: [String] = [],
        username: String? = nil
    ) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.accessTokenExpiresAt = accessTokenExpiresAt
        self.accessTokenIssuedAt = accessTokenIssuedAt
        self.refreshTokenExpiresAt = refreshTokenExpiresAt
        self.scopes = scopes
        self.username = username
    }

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case refreshToken = "refresh_token"
        case accessTokenExpiresAt = "access_token_expires_at"
        case accessTokenIssuedAt = "access_token_issued_at"
        case refreshTokenExpiresAt = "refresh_token_expires_at"
        case scopes, username
    }

    /// The credentials a token answer yields at `now`; a refresh answer without `refresh_token` keeps
    /// `previous`'s refresh token (§3).
    init(grant: TokenGrant, receivedAt now: Date, previous: StoredCredentials?) throws(PunchPlayError) {
        guard let refreshToken = grant.refreshToken ?? previous?.refreshToken else {
            throw PunchPlayError.malformed(
                endpoint: "token answer",
                status: 200,
                reason: "no refresh_token in a login answer",
                requestID: nil
            )
        }
        self.accessToken = grant.accessToken
        self.refreshToken = refreshToken
        self.accessTokenExpiresAt = now.addingTimeInterval(TimeInterval(grant.expiresIn))
        self.accessTokenIssuedAt = now
        if let refreshExpiresIn = grant.refreshExpiresIn {
            self.refreshTokenExpiresAt = now.addingTimeInterval(TimeInterval(refreshExpiresIn))
        } else {
            self.refreshTokenExpiresAt = grant.refreshToken == nil ? previous?.refreshTokenExpiresAt : nil
        }
        self.scopes = grant.scope.map { $0.split(separator: " ").map(String.init) } ?? previous?.scopes ?? []
        self.username = grant.username ?? previous?.username
    }

    /// Whether `other` holds the same tokens (whatever else differs): the same login at the same rotation.
    func hasSamePair(as other: StoredCredentials) -> Bool {
        accessToken == other.accessToken && refreshToken == other.refreshToken
    }

    /// Whether the access token should be refreshed at `now`: when less than `margin` (5 minutes) remains, or
    /// less than half its lifetime for tokens shorter than 10 minutes, so a short-lived token is not
    /// refreshed before every request.
    func needsRefresh(at now: Date, margin: TimeInterval) -> Bool {
        let lifetime = accessTokenIssuedAt.map { accessTokenExpiresAt.timeIntervalSince($0) } ?? .infinity
        let effectiveMargin = min(margin, max(lifetime, 0) / 2)
        return accessTokenExpiresAt.timeIntervalSince(now) < effectiveMargin
    }
}
