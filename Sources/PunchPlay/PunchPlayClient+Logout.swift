import PlaybackModel

extension PunchPlayClient {
    /// How a logout went: local credentials are always gone; the revoke at the service is best effort.
    public struct LogoutOutcome: Sendable {
        /// Whether there were credentials to log out.
        public var wasLoggedIn: Bool
        /// Why the service could not revoke the token, when it could not; nil when it did (or nothing to do).
        public var revokeFailure: PunchPlayError?
    }

    /// Revokes the refresh token (best effort, `POST /oauth/revoke`) and deletes the local credentials,
    /// whatever the service answers.
    public func logout() async throws(PunchPlayError) -> LogoutOutcome {
        let credentials = try? await tokens.currentCredentials()
        var revokeFailure: PunchPlayError?
        if let credentials {
            let body = AuthRequests.Revoke(
                clientID: settings.clientID,
                token: credentials.refreshToken,
                tokenTypeHint: "refresh_token"
            )
            do {
                _ = try await transport.send(.POST, "/oauth/revoke", body: .json(encoding: body))
            } catch {
                revokeFailure = error
            }
        }
        try await tokens.forget()
        if credentials != nil {
            logger.info("Logged out of PunchPlay", metadata: ["revoked": "\(revokeFailure == nil)"])
        }
        return LogoutOutcome(wasLoggedIn: credentials != nil, revokeFailure: revokeFailure)
    }
}
