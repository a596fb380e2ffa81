import Testing

@testable import PunchPlay

@Suite("Base URL validation")
struct APIBaseURLTests {
    @Test(
        "Accepted URLs",
        arguments: [
            ("https://punchplay.tv", "https://punchplay.tv"),
            ("https://punchplay.tv/", "https://punchplay.tv"),
            ("HTTPS://api.example.com:8443/base/", "https://api.example.com:8443/base"),
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
            ("http://localhost:9000", "http://localhost:9000"),
            ("http://[::1]:9000", "http://[::1]:9000"),
        ]
    )
    func accepted(input: String, normalized: String) throws {
        #expect(try APIBaseURL(input).description == normalized)
    }

    @Test(
        "Refused URLs",
        arguments: [
            ("http://punchplay.tv", "https"),
            ("http://127.0.0.1.evil.com", "https"),
            ("ftp://punchplay.tv", "https"),
            ("https://user:secret@punchplay.tv", "user name or password"),
            ("https://token@punchplay.tv", "user name or password"),
            ("https://punchplay.tv/?key=1", "query"),
            ("punchplay.tv", "absolute"),
            ("", "absolute"),
        ]
    )
    func refused(input: String, reason: String) {
        #expect {
            try APIBaseURL(input)
        } throws: { error in
            "\(error)".contains(reason) && !"\(error)".contains("secret")
        }
    }

    @Test("Endpoints are appended below the base path")
    func endpoint() throws {
        let base = try APIBaseURL("https://example.com/base/")
        #expect(base.endpoint("/api/platform/v1/me") == "https://example.com/base/api/platform/v1/me")
    }
}
