import Credentials
import Foundation
import PunchPlay
import PunchPlaySandbox
import TestSupport
import Testing

@Suite("Commands racing on one login, with no agent running", .timeLimit(.minutes(1)))
struct StatusRaceTests {
    @Test("Two `status` processes on an expired token with rotation: one refresh, both succeed, no reuse")
    func twoStatusProcesses() async throws {
        let directory = try TemporaryDirectory(prefix: "ppm-status-race")
        defer { directory.remove() }
        let state = directory.path + "/state"
        try await PunchPlaySandbox.withRunning(configuration: SandboxConfiguration()) { sandbox in
            #expect(await sandbox.configuration().rotateRefreshTokens)
            let configFile = directory.file("config.toml")
            try """
            [punchplay]
            client_id = "\(SandboxApp.agentClientID)"
            api_base_url = "\(sandbox.baseURL.absoluteString)"
            credential_store = "file"
            """.write(toFile: configFile, atomically: true, encoding: .utf8)
            let issued = try await sandbox.issueTokens()
            try await FileCredentialStore(path: state + "/punchplay-mpris/credentials.json").save(
                StoredCredentials(
                    accessToken: Secret(issued.accessToken),
                    refreshToken: Secret(issued.refreshToken),
                    accessTokenExpiresAt: Date().addingTimeInterval(-60),
                    accessTokenIssuedAt: Date().addingTimeInterval(-3660),
                    scopes: issued.scopes
                )
            )
            let environment = ["XDG_STATE_HOME": state, "HOME": directory.path]
            let arguments = ["status", "--json", "--config", configFile]
            async let first = CommandRun.run(arguments, environment: environment, inheritingEnvironment: false)
            async let second = CommandRun.run(arguments, environment: environment, inheritingEnvironment: false)
            let runs = try await [first, second]
            for run in runs {
                #expect(run.status == 0, "\(run.errorOutput)")
                #expect(run.output.contains("\"state\" : \"logged_in\""))
            }
            #expect(await sandbox.refreshStatistics() == RefreshStatistics(refreshes: 1, reuseDetections: 0))
            #expect(await sandbox.recordedRequests(pathPrefix: "/api/platform/v1/auth/refresh").count == 1)
        }
    }
}
