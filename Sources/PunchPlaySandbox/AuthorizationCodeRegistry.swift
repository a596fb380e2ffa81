import Foundation

/// Codes of the browser flow (authorization code + PKCE S256), each redeemable once, within ten minutes, by the
/// app and redirect URI it was issued to and with the verifier matching its challenge.
struct AuthorizationCodeRegistry {
    private struct Grant {
        var clientID: String
        var redirectURI: String
        var codeChallenge: String
        var scopes: [String]
        var expiresAt: Date
        var redeemed = false
    }

    private static let lifetime: TimeInterval = 600
    private var grants: [String: Grant] = [:]

    mutating func create(clientID: String, redirectURI: String, codeChallenge: String, scopes: [String], now: Date)
        -> String
    {
        let code = RandomToken.make(prefix: "ppac_")
        grants[code] = Grant(
            clientID: clientID,
            redirectURI: redirectURI,
            codeChallenge: codeChallenge,
            scopes: scopes,
            expiresAt: now.addingTimeInterval(Self.lifetime)
        )
        return code
    }

    /// The scopes of `code`, which is used up, or `invalid_grant` naming what did not match.
    mutating func redeem(code: String, clientID: String, redirectURI: String, verifier: String, now: Date)
        throws(SandboxAPIError) -> [String]
    {
        guard var grant = grants[code], grant.clientID == clientID else {
            throw .invalidGrant("The authorization code is not known for this client.")
        }
        guard !grant.redeemed else { throw .invalidGrant("The authorization code was already used.") }
        guard now < grant.expiresAt else { throw .invalidGrant("The authorization code has expired.") }
        guard grant.redirectURI == redirectURI else {
            throw .invalidGrant("redirect_uri does not match the one the code was issued for.")
        }
        guard Self.challenge(for: verifier) == grant.codeChallenge else {
            throw .invalidGrant("code_verifier does not match the code_challenge (S256).")
        }
        grant.redeemed = true
        grants[code] = grant
        return grant.scopes
    }

    /// `BASE64URL(SHA256(verifier))` without padding (RFC 7636 S256).
    static func challenge(for verifier: String) -> String {
        Data(SHA256.hash(Array(verifier.utf8))).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
