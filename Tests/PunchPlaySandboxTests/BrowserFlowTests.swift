import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

@testable import PunchPlaySandbox

@Suite("Browser flow: authorization code with PKCE S256")
struct BrowserFlowTests {
    /// RFC 7636 appendix B.
    static let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    static let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    static let redirectURI = "http://127.0.0.1/callback"

    @Test(
        "SHA-256 matches the FIPS 180-4 vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ]
    )
    func sha256(message: String, digest: String) {
        let hex = SHA256.hash(Array(message.utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(hex == digest)
    }

    @Test("the S256 challenge of the RFC 7636 verifier is the RFC's challenge")
    func pkceChallenge() {
        #expect(AuthorizationCodeRegistry.challenge(for: Self.verifier) == Self.challenge)
    }

    /// `GET /oauth/authorize` without following the redirect; returns the `Location`.
    private func authorize(_ sandbox: PunchPlaySandbox, query: String) async throws -> (Int, String?) {
        let client = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(redirectConfiguration: .disallow)
        )
        do {
            let request = HTTPClientRequest(url: sandbox.apiBaseURL.absoluteString + "/oauth/authorize?" + query)
            let response = try await client.execute(request, timeout: .seconds(10))
            _ = try await response.body.collect(upTo: 1024 * 1024)
            try await client.shutdown()
            return (Int(response.status.code), response.headers.first(name: "Location"))
        } catch {
            try await client.shutdown()
            throw error
        }
    }

    private func query(challenge: String = challenge, redirect: String = redirectURI) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let redirect = redirect.addingPercentEncoding(withAllowedCharacters: allowed)!
        return "response_type=code&client_id=\(Fixtures.clientID)&redirect_uri=\(redirect)"
            + "&code_challenge=\(challenge)&code_challenge_method=S256&state=xyz"
    }

    @Test("authorize redirects with a code that the token endpoint exchanges once, with the right verifier")
    func codeExchange() async throws {
        try await withSandbox { sandbox, client in
            let (status, location) = try await authorize(sandbox, query: query())
            #expect(status == 302)
            let redirect = try #require(location)
            let components = try #require(URLComponents(string: redirect))
            #expect(components.host == "127.0.0.1")
            #expect(components.queryItems?.first { $0.name == "state" }?.value == "xyz")
            let code = try #require(components.queryItems?.first { $0.name == "code" }?.value)
            func exchange(verifier: String) async throws -> TestResponse {
                try await client.postForm(
                    "oauth/token",
                    [
                        ("grant_type", "authorization_code"), ("client_id", Fixtures.clientID), ("code", code),
                        ("redirect_uri", Self.redirectURI), ("code_verifier", verifier),
                    ]
                )
            }
            #expect(try await exchange(verifier: "wrong-verifier").errorCode == "invalid_grant")
            let tokens = try await exchange(verifier: Self.verifier)
            #expect(tokens.status == 200)
            let access = try #require(tokens.json?["access_token"]?.string)
            #expect(try await client.get("me", token: access).status == 200)
            #expect(try await exchange(verifier: Self.verifier).errorCode == "invalid_grant")
        }
    }

    @Test("authorize refuses an unregistered redirect URI and a non-S256 method")
    func authorizeChecks() async throws {
        try await withSandbox { sandbox, _ in
            let (unregistered, _) = try await authorize(sandbox, query: query(redirect: "http://evil.example/cb"))
            #expect(unregistered == 400)
            let plain = query().replacingOccurrences(of: "S256", with: "plain")
            let (method, _) = try await authorize(sandbox, query: plain)
            #expect(method == 400)
        }
    }
}
