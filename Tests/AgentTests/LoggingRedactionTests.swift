import Agent
import Foundation
import Logging
import Testing

@Suite("Log redaction")
struct LoggingRedactionTests {
    static let secrets = [
        "eyJhbGciOiJIUzI1NiJ9.access", "rt_9f8e7d6c5b4a", "cs_topsecret_42", "dc_devicecode_77", "hunter2pass",
    ]

    @Test(
        "sensitive metadata keys are masked whatever their value type",
        arguments: [
            "access_token", "refresh_token", "Authorization", "client_secret", "device_code", "token", "X-Api-Key",
            "Cookie", "password", "client-secret",
        ])
    func sensitiveKeys(_ key: String) {
        let redacted = SecretRedactor.redact([
            key: .string("value-\(key)"), "nested": .dictionary([key: .stringConvertible(42)]),
        ])
        #expect(redacted[key] == .string(SecretRedactor.mask))
        #expect(redacted["nested"] == .dictionary([key: .string(SecretRedactor.mask)]))
    }

    @Test("ordinary metadata is kept", arguments: ["user_code", "status", "request_id", "title", "player"])
    func ordinaryKeys(_ key: String) {
        #expect(SecretRedactor.redact([key: .string("ABCD-1234")]) == [key: .string("ABCD-1234")])
    }

    @Test("secrets inside text are masked: bearer headers, JSON and form fields, URL credentials")
    func secretsInText() {
        let cases: [(String, String)] = [
            ("Authorization: Bearer abc.def-ghi", "Authorization: Bearer <redacted>"),
            ("authorization: basic dXNlcjpwYXNz", "authorization: basic <redacted>"),
            (
                #"{"access_token":"abc","expires_in":3600,"refresh_token" : "r\"x"}"#,
                #"{"access_token":"<redacted>","expires_in":3600,"refresh_token" : "<redacted>"}"#
            ),
            (
                "grant_type=refresh_token&refresh_token=rt_1&client_secret=cs&client_id=app",
                "grant_type=refresh_token&refresh_token=<redacted>&client_secret=<redacted>&client_id=app"
            ),
            (
                #"{"device_code":"dc1","user_code":"WXYZ-1234"}"#,
                #"{"device_code":"<redacted>","user_code":"WXYZ-1234"}"#
            ),
            ("https://me:pw@example.com/x", "https://<redacted>@example.com/x"),
            ("playing Dune (2021) at 00:12", "playing Dune (2021) at 00:12"),
        ]
        for (input, expected) in cases {
            #expect(SecretRedactor.redact(text: input) == expected)
        }
    }

    @Test("a logger at trace level writes no secret from metadata, message or error")
    func loggerNeverWritesSecrets() {
        let sink = LoggingTestSink()
        var logger = Logger(label: "punchplay") { label in
            AgentLogHandler(
                label: label,
                formatter: LogLineFormatter(format: .journal),
                sink: sink,
                levelControl: LogLevelControl(level: .trace)
            )
        }
        logger[metadataKey: "client_secret"] = .string(Self.secrets[2])
        logger.trace(
            "POST /auth/refresh body {\"refresh_token\":\"\(Self.secrets[1])\"}",
            metadata: [
                "headers": .dictionary(["Authorization": .string("Bearer \(Self.secrets[0])")]),
                "response": .string("{\"access_token\":\"\(Self.secrets[0])\",\"device_code\":\"\(Self.secrets[3])\"}"),
                "url": .stringConvertible(URL(string: "https://u:\(Self.secrets[4])@example.com")!),
            ]
        )
        logger.error(
            "login failed",
            error: SecretCarryingError(text: "Bearer \(Self.secrets[0])")
        )

        let output = sink.lines.joined(separator: "\n")
        #expect(sink.lines.count == 2)
        for secret in Self.secrets {
            #expect(!output.contains(secret), "\(secret) leaked into: \(output)")
        }
        #expect(output.contains("POST /auth/refresh"))
    }

    struct SecretCarryingError: Error, CustomStringConvertible {
        var text: String
        var description: String { "request failed: \(text)" }
    }
}
