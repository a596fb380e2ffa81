import Foundation
import PunchPlaySandbox
import TestSupport
import Testing

@Suite("login, status and logout against the sandbox", .timeLimit(.minutes(1)))
struct AccountCommandTests {
    @Test("login completes, status shows the user and scopes, tokens refresh across expiry, logout leaves nothing")
    func fullCycle() async throws {
        var configuration = SandboxConfiguration()
        configuration.autoApproveAfterPolls = 0
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ppm-cli-\(UUID().uuidString)")
        let state = directory.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await PunchPlaySandbox.withRunning(configuration: configuration) { sandbox in
            let configFile = directory.appendingPathComponent("config.toml")
            try """
            [punchplay]
            client_id = "\(SandboxApp.agentClientID)"
            api_base_url = "\(sandbox.baseURL.absoluteString)"
            credential_store = "file"
            device_name = "cli-test"
            """.write(to: configFile, atomically: true, encoding: .utf8)
            let environment = ["XDG_STATE_HOME": state.path, "HOME": directory.path]
            let options = ["--config", configFile.path]

            let login = try await CommandRun.run(
                ["login"] + options, environment: environment, inheritingEnvironment: false)
            #expect(login.status == 0, "\(login.errorOutput)")
            #expect(login.output.contains("enter the code"))
            #expect(login.output.contains("Logged in as sandbox"))
            let credentials = state.appendingPathComponent("punchplay-mpris/credentials.json")
            let mode = try FileManager.default.attributesOfItem(atPath: credentials.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)

            let status = try await CommandRun.run(
                ["status", "--json"] + options, environment: environment, inheritingEnvironment: false)
            #expect(status.status == 0, "\(status.errorOutput)")
            let report = try #require(
                try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any]
            )
            #expect(report["state"] as? String == "logged_in")
            let account = try #require(report["account"] as? [String: Any])
            #expect(account["username"] as? String == "sandbox")
            #expect(Set(account["scopes"] as? [String] ?? []) == Set(SandboxScope.all))
            let clientID = try #require(report["client_id"] as? [String: Any])
            #expect(clientID["id"] as? String == SandboxApp.agentClientID)
            #expect(clientID["source"] as? String == "configuration")

            await sandbox.advanceClock(by: 3_700)
            let later = try await CommandRun.run(
                ["status", "--json"] + options, environment: environment, inheritingEnvironment: false)
            #expect(later.status == 0, "\(later.errorOutput)")
            #expect(later.output.contains("\"state\" : \"logged_in\""))
            let refreshes = await sandbox.recordedRequests(pathPrefix: "/api/platform/v1/auth/refresh")
            #expect(refreshes.map(\.responseStatus) == [200])

            let logout = try await CommandRun.run(
                ["logout"] + options, environment: environment, inheritingEnvironment: false)
            #expect(logout.status == 0, "\(logout.errorOutput)")
            #expect(!FileManager.default.fileExists(atPath: credentials.path))
            // Only the login lock stays: an empty file every process that may refresh locks, never a secret.
            let left = try FileManager.default.contentsOfDirectory(atPath: state.path + "/punchplay-mpris")
            #expect(left == ["login.lock"])
            let lock = state.appendingPathComponent("punchplay-mpris/login.lock")
            #expect(try Data(contentsOf: lock).isEmpty)
            #expect(await sandbox.recordedRequests(pathPrefix: "/api/platform/v1/oauth/revoke").count == 1)

            let after = try await CommandRun.run(
                ["status"] + options, environment: environment, inheritingEnvironment: false)
            #expect(after.status == 1)
            #expect(after.output.contains("Not logged in"))
            #expect(after.output.contains("Client id:     \(SandboxApp.agentClientID) (from the configuration)\n"))
        }
    }

    @Test("A credentials file others can read is refused with the chmod that fixes it")
    func readableCredentialsFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ppm-cli-\(UUID().uuidString)")
        let stateDirectory = directory.appendingPathComponent("state/punchplay-mpris")
        try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let credentials = stateDirectory.appendingPathComponent("credentials.json")
        try Data("{}".utf8).write(to: credentials)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: credentials.path)
        let configFile = directory.appendingPathComponent("config.toml")
        try "[punchplay]\nclient_id = \"x\"\ncredential_store = \"file\"\n".write(
            to: configFile,
            atomically: true,
            encoding: .utf8
        )
        let run = try await CommandRun.run(
            ["status", "--config", configFile.path],
            environment: ["XDG_STATE_HOME": directory.path + "/state", "HOME": directory.path],
            inheritingEnvironment: false
        )
        #expect(run.status == 1)
        #expect(run.output.contains("chmod 600 \(credentials.path)"))
    }
}
