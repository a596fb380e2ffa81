import Foundation
import PunchPlay
import PunchPlaySandbox
import PunchPlayTestSupport
import Testing

@Suite("Secrets never reach logs")
struct SecretsInLogsTests {
    private static let clientSecret = "cs-sandbox-very-secret-4242"

    @Test("Login, refresh, a write, a failure and logout log at debug level without a token or secret")
    func fullFlow() async throws {
        let app = SandboxApp(
            id: "confidential",
            name: "confidential",
            clientID: SandboxApp.agentClientID,
            clientSecret: Self.clientSecret
        )
        try await SandboxHarness.run(
            clientSecret: Self.clientSecret,
            configure: {
                $0.apps = [app]
                $0.autoApproveAfterPolls = 1
            }
        ) { harness in
            let client = harness.client
            let authorization = try await client.requestDeviceAuthorization()
            _ = try await client.completeDeviceLogin(authorization, clock: harness.clock)
            await harness.advance(by: 3600 - 100)
            _ = try await client.me()
            await harness.advanceServerOnly(by: 3600)
            _ = try await client.nowPlaying()
            await harness.sandbox.inject(.status(500, pathPrefix: "/api/platform/v1/me"))
            _ = try? await client.me()
            _ = try await client.logout()

            var secrets: Set<String> = [Self.clientSecret]
            for request in await harness.sandbox.recordedRequests() {
                if let authorization = request.header("Authorization") {
                    secrets.insert(String(authorization.dropFirst("Bearer ".count)))
                }
                let body = (try? JSONSerialization.jsonObject(with: Data(request.body.utf8))) as? [String: Any] ?? [:]
                for key in ["device_code", "refresh_token", "token", "client_secret"] {
                    if let value = body[key] as? String { secrets.insert(value) }
                }
            }
            #expect(await harness.requests("/auth/refresh").count == 2)
            #expect(secrets.count >= 6)
            let entries = harness.logs.entries
            #expect(entries.contains { $0.level == .debug })
            #expect(entries.contains { $0.message.description == "PunchPlay request failed" })
            for entry in entries {
                let line = "\(entry.message) \(entry.metadata)"
                for secret in secrets {
                    #expect(!line.contains(secret), "a secret appeared in the log line: \(entry.message)")
                }
            }
        }
    }
}
