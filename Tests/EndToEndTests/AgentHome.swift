import Foundation
import MPRISTestSupport
import PunchPlay
import PunchPlaySandbox

/// A throw-away user for one agent run: `XDG_CONFIG_HOME` with a config pointing at the sandbox, and
/// `XDG_STATE_HOME` where the outbox, device id and (file) credentials live.
struct AgentHome {
    let directory: TemporaryDirectory
    let sandbox: PunchPlaySandbox

    init(sandbox: PunchPlaySandbox, extraConfiguration: String = "") throws {
        directory = try TemporaryDirectory(prefix: "punchplay-e2e")
        self.sandbox = sandbox
        try FileManager.default.createDirectory(atPath: configDirectory, withIntermediateDirectories: true)
        try writeConfiguration(extraConfiguration)
    }

    var configDirectory: String { directory.file("config/punchplay-mpris") }
    var configFile: String { configDirectory + "/config.toml" }
    var stateDirectory: String { directory.file("state/punchplay-mpris") }

    /// The environment of the agent: the private bus as session bus, this home's XDG directories.
    func environment(busAddress: String) -> [String: String] {
        [
            "DBUS_SESSION_BUS_ADDRESS": busAddress,
            "XDG_CONFIG_HOME": directory.file("config"),
            "XDG_STATE_HOME": directory.file("state"),
            "HOME": directory.path,
        ]
    }

    /// Replaces the configuration: the sandbox's `[punchplay]` table, a short settle window, then `extra`.
    func writeConfiguration(_ extra: String) throws {
        let text = """
            [punchplay]
            client_id = "\(SandboxApp.agentClientID)"
            api_base_url = "\(sandbox.baseURL.absoluteString)"
            credential_store = "file"
            device_name = "e2e"

            [defaults]
            settle_ms = 200

            \(extra)
            """
        try text.write(toFile: configFile, atomically: true, encoding: .utf8)
    }

    /// Logs in as `punchplay-mpris login` would, with tokens the sandbox issued directly.
    func logIn() async throws -> IssuedTokens {
        let tokens = try await sandbox.issueTokens()
        let store = FileCredentialStore(path: stateDirectory + "/credentials.json")
        try await store.save(
            StoredCredentials(
                accessToken: Secret(tokens.accessToken),
                refreshToken: Secret(tokens.refreshToken),
                accessTokenExpiresAt: Date().addingTimeInterval(TimeInterval(tokens.expiresIn)),
                accessTokenIssuedAt: Date(),
                scopes: tokens.scopes,
                username: "sandbox"
            )
        )
        return tokens
    }

    func remove() {
        directory.remove()
    }
}
