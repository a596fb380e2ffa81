import Foundation

/// Device codes, the browser flow and tokens.
extension SandboxState {
    // MARK: Device codes

    func createDeviceCode(app: SandboxApp, scopes: [String]) -> DeviceCodeInfo {
        deviceCodes.create(clientID: app.clientID, scopes: scopes, now: now, configuration: configuration)
    }

    func pollDeviceCode(
        _ deviceCode: String,
        app: SandboxApp,
        deviceID: String?,
        deviceName: String?
    ) throws(SandboxAPIError) -> IssuedTokens {
        let info = try deviceCodes.poll(
            deviceCode: deviceCode,
            clientID: app.clientID,
            deviceID: deviceID,
            deviceName: deviceName,
            now: now,
            configuration: configuration
        )
        return tokens.issue(
            clientID: app.clientID,
            userID: configuration.user.id,
            scopes: info.scopes,
            now: now,
            configuration: configuration
        )
    }

    func resolveDeviceCode(
        userCode: String,
        to status: DeviceCodeInfo.Status,
        grantedScopes: [String]? = nil
    ) -> Bool {
        deviceCodes.resolve(userCode: userCode, to: status, grantedScopes: grantedScopes, now: now)
    }

    func allDeviceCodes() -> [DeviceCodeInfo] {
        deviceCodes.all(now: now)
    }

    // MARK: Browser flow

    func createAuthorizationCode(app: SandboxApp, redirectURI: String, codeChallenge: String, scopes: [String])
        -> String
    {
        authorizationCodes.create(
            clientID: app.clientID,
            redirectURI: redirectURI,
            codeChallenge: codeChallenge,
            scopes: scopes,
            now: now
        )
    }

    func redeemAuthorizationCode(_ code: String, app: SandboxApp, redirectURI: String, verifier: String)
        throws(SandboxAPIError) -> IssuedTokens
    {
        let scopes = try authorizationCodes.redeem(
            code: code,
            clientID: app.clientID,
            redirectURI: redirectURI,
            verifier: verifier,
            now: now
        )
        return issueTokens(app: app, scopes: scopes)
    }

    // MARK: Tokens

    func issueTokens(app: SandboxApp, scopes: [String]) -> IssuedTokens {
        tokens.issue(
            clientID: app.clientID,
            userID: configuration.user.id,
            scopes: scopes,
            now: now,
            configuration: configuration
        )
    }

    func refresh(_ refreshToken: String, app: SandboxApp) throws(SandboxAPIError) -> (
        tokens: IssuedTokens, rotated: Bool
    ) {
        try tokens.refresh(refreshToken, clientID: app.clientID, now: now, configuration: configuration)
    }

    func refreshStatistics() -> RefreshStatistics {
        tokens.statistics
    }

    func revoke(_ token: String, app: SandboxApp) {
        tokens.revoke(token, clientID: app.clientID)
    }

    func revokeAllTokens(userID: String) {
        tokens.revokeAll(userID: userID)
    }

    func authenticate(accessToken: String) throws(SandboxAPIError) -> AccessGrant {
        try tokens.authenticate(accessToken, now: now)
    }

}
