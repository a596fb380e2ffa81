import Credentials
import Foundation
import PunchPlay
import PunchPlaySandbox

extension PunchPlaySandbox {
    /// Logs in as `punchplay-mpris login` would: tokens the sandbox issues directly, saved in a file credential
    /// store at `credentialsPath` under `username`.
    @discardableResult
    public func logIn(storingIn credentialsPath: String, username: String) async throws -> IssuedTokens {
        let tokens = try await issueTokens()
        try await FileCredentialStore(path: credentialsPath).save(
            StoredCredentials(
                accessToken: Secret(tokens.accessToken),
                refreshToken: Secret(tokens.refreshToken),
                accessTokenExpiresAt: Date().addingTimeInterval(TimeInterval(tokens.expiresIn)),
                accessTokenIssuedAt: Date(),
                scopes: tokens.scopes,
                username: username
            )
        )
        return tokens
    }
}
