import Foundation

/// Access and refresh tokens with the real service's rotation rules.
///
/// Every login starts a *family*. A refresh uses up its refresh token and issues the next pair in the same family;
/// presenting a used refresh token again is treated as theft: the whole family (every access and refresh token
/// of that login) is revoked and the caller gets `invalid_grant`.
struct TokenRegistry {
    private struct RefreshRecord {
        var clientID: String
        var userID: String
        var scopes: [String]
        var familyID: String
        var expiresAt: Date
        var accessToken: String
        var used = false
    }

    private var accessTokens: [String: AccessGrant] = [:]
    private var refreshTokens: [String: RefreshRecord] = [:]
    private var revokedFamilies: Set<String> = []
    private var revokedAccessTokens: Set<String> = []
    /// Refreshes answered with a new access token, and presented refresh tokens that were already used.
    private(set) var statistics = RefreshStatistics()

    /// Starts a new family and returns its first pair.
    mutating func issue(
        clientID: String,
        userID: String,
        scopes: [String],
        now: Date,
        configuration: SandboxConfiguration
    ) -> IssuedTokens {
        issue(
            clientID: clientID,
            userID: userID,
            scopes: scopes,
            familyID: RandomToken.make(prefix: "fam_", bytes: 8),
            now: now,
            configuration: configuration
        )
    }

    /// The grant behind `token`, or 401 `invalid_token` when it is unknown, revoked or expired.
    func authenticate(_ token: String, now: Date) throws(SandboxAPIError) -> AccessGrant {
        guard let grant = accessTokens[token] else {
            throw .invalidToken("The access token is not known to this server.")
        }
        guard !revokedFamilies.contains(grant.familyID), !revokedAccessTokens.contains(token) else {
            throw .invalidToken("The access token has been revoked.")
        }
        guard now < grant.expiresAt else {
            throw .invalidToken("The access token has expired; refresh it.")
        }
        return grant
    }

    /// Rotates `refreshToken` into a new pair; `rotated` is false when the configuration keeps refresh tokens.
    mutating func refresh(
        _ refreshToken: String,
        clientID: String,
        now: Date,
        configuration: SandboxConfiguration
    ) throws(SandboxAPIError) -> (tokens: IssuedTokens, rotated: Bool) {
        guard var record = refreshTokens[refreshToken], record.clientID == clientID else {
            throw .invalidGrant("The refresh token is not known for this client.")
        }
        guard !revokedFamilies.contains(record.familyID) else {
            throw .invalidGrant("The refresh token has been revoked; log in again.")
        }
        guard !record.used else {
            statistics.reuseDetections += 1
            revokedFamilies.insert(record.familyID)
            throw .invalidGrant(
                "The refresh token was already used; every token of this login is now revoked. Log in again."
            )
        }
        guard now < record.expiresAt else {
            throw .invalidGrant("The refresh token has expired; log in again.")
        }
        statistics.refreshes += 1
        if configuration.revokeAccessTokenOnRefresh {
            revokedAccessTokens.insert(record.accessToken)
        }
        if !configuration.rotateRefreshTokens {
            let access = makeAccessToken(for: record, now: now, configuration: configuration)
            record.accessToken = access.token
            refreshTokens[refreshToken] = record
            let tokens = IssuedTokens(
                accessToken: access.token,
                refreshToken: refreshToken,
                expiresIn: Int(configuration.accessTokenLifetime.rounded(.up)),
                refreshExpiresIn: Int(record.expiresAt.timeIntervalSince(now).rounded(.down)),
                scopes: record.scopes
            )
            return (tokens, false)
        }
        record.used = true
        refreshTokens[refreshToken] = record
        let tokens = issue(
            clientID: record.clientID,
            userID: record.userID,
            scopes: record.scopes,
            familyID: record.familyID,
            now: now,
            configuration: configuration
        )
        return (tokens, true)
    }

    /// Revokes an access token, or the whole family of a refresh token (RFC 7009); unknown tokens are ignored.
    mutating func revoke(_ token: String, clientID: String) {
        if let record = refreshTokens[token], record.clientID == clientID {
            revokedFamilies.insert(record.familyID)
        } else if let grant = accessTokens[token], grant.clientID == clientID {
            revokedAccessTokens.insert(token)
        }
    }

    /// Revokes every family of `userID`.
    mutating func revokeAll(userID: String) {
        for record in refreshTokens.values where record.userID == userID {
            revokedFamilies.insert(record.familyID)
        }
        for grant in accessTokens.values where grant.userID == userID {
            revokedFamilies.insert(grant.familyID)
        }
    }

    private mutating func issue(
        clientID: String,
        userID: String,
        scopes: [String],
        familyID: String,
        now: Date,
        configuration: SandboxConfiguration
    ) -> IssuedTokens {
        let refreshToken = RandomToken.make(prefix: "pprt_")
        var record = RefreshRecord(
            clientID: clientID,
            userID: userID,
            scopes: scopes,
            familyID: familyID,
            expiresAt: now.addingTimeInterval(configuration.refreshTokenLifetime),
            accessToken: ""
        )
        let access = makeAccessToken(for: record, now: now, configuration: configuration)
        record.accessToken = access.token
        refreshTokens[refreshToken] = record
        return IssuedTokens(
            accessToken: access.token,
            refreshToken: refreshToken,
            expiresIn: Int(configuration.accessTokenLifetime.rounded(.up)),
            refreshExpiresIn: Int(configuration.refreshTokenLifetime.rounded(.down)),
            scopes: scopes
        )
    }

    private mutating func makeAccessToken(
        for record: RefreshRecord,
        now: Date,
        configuration: SandboxConfiguration
    ) -> AccessGrant {
        let grant = AccessGrant(
            token: RandomToken.make(prefix: "ppat_"),
            tokenID: RandomToken.make(prefix: "tok_", bytes: 8),
            clientID: record.clientID,
            userID: record.userID,
            scopes: record.scopes,
            familyID: record.familyID,
            expiresAt: now.addingTimeInterval(configuration.accessTokenLifetime)
        )
        accessTokens[grant.token] = grant
        return grant
    }
}
