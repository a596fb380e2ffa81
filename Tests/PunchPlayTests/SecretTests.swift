import Foundation
import Testing

@testable import PunchPlay

@Suite("Secrets do not print")
struct SecretTests {
    @Test("Description, debug description, interpolation and dump are redacted")
    func redacted() {
        let secret = Secret("s3cr3t-token")
        var dumped = ""
        dump(secret, to: &dumped)
        let credentials = StoredCredentials(
            accessToken: secret,
            refreshToken: Secret("refresh-s3cr3t"),
            accessTokenExpiresAt: Date(timeIntervalSince1970: 0)
        )
        let texts = [
            secret.description, secret.debugDescription, "\(secret)", "\(credentials)", String(reflecting: credentials),
        ]
        for text in texts {
            #expect(!text.contains("s3cr3t"))
        }
        #expect(secret.exposedValue == "s3cr3t-token")
    }

    @Test("A refresh answer without refresh_token keeps the old one")
    func keepsRefreshToken() throws {
        let previous = StoredCredentials(
            accessToken: Secret("old-access"),
            refreshToken: Secret("old-refresh"),
            accessTokenExpiresAt: Date(timeIntervalSince1970: 0),
            scopes: ["profile:read"],
            username: "ada"
        )
        let grant = TokenGrant(accessToken: Secret("new-access"), expiresIn: 3600)
        let now = Date(timeIntervalSince1970: 1_000)
        let fresh = try StoredCredentials(grant: grant, receivedAt: now, previous: previous)
        #expect(fresh.refreshToken == Secret("old-refresh"))
        #expect(fresh.accessToken == Secret("new-access"))
        #expect(fresh.accessTokenExpiresAt == Date(timeIntervalSince1970: 4_600))
        #expect(fresh.username == "ada")
    }
}
