import Foundation

/// What a valid access token stands for: who, through which app, with which scopes.
struct AccessGrant: Sendable, Equatable {
    var token: String
    var tokenID: String
    var clientID: String
    var userID: String
    var scopes: [String]
    var familyID: String
    var expiresAt: Date

    /// Throws 403 `insufficient_scope` unless the token carries `scope`.
    func require(_ scope: String) throws(SandboxAPIError) {
        guard scopes.contains(scope) else { throw .insufficientScope(scope) }
    }
}
