import Agent
import Foundation
import PunchPlaySandbox
import PunchPlayTestSupport
import TestSupport

/// A throw-away user for one agent run: `XDG_CONFIG_HOME` with a config pointing at the sandbox, and
/// `XDG_STATE_HOME` where the outbox, device id and (file) credentials live.
public struct AgentHome: Sendable {
    public let directory: TemporaryDirectory
    public let sandbox: PunchPlaySandbox

    /// - Parameters:
    ///   - defaults: lines added to the `[defaults]` table (after the short settle window).
    ///   - extraConfiguration: tables appended after `[defaults]`.
    public init(sandbox: PunchPlaySandbox, defaults: String = "", extraConfiguration: String = "") throws {
        directory = try TemporaryDirectory(prefix: "punchplay-e2e")
        self.sandbox = sandbox
        try FileManager.default.createDirectory(atPath: configDirectory, withIntermediateDirectories: true)
        try writeConfiguration(extraConfiguration, defaults: defaults)
    }

    public var configDirectory: String { directory.file("config/punchplay-mpris") }
    public var configFile: String { configDirectory + "/config.toml" }
    public var stateDirectory: String { directory.file("state/punchplay-mpris") }

    /// The environment of the agent: the private bus as session bus, this home's XDG directories.
    public func environment(busAddress: String) -> [String: String] {
        [
            "DBUS_SESSION_BUS_ADDRESS": busAddress,
            "XDG_CONFIG_HOME": directory.file("config"),
            "XDG_STATE_HOME": directory.file("state"),
            "HOME": directory.path,
        ]
    }

    /// Replaces the configuration: the sandbox's `[punchplay]` table, `[defaults]` with a short settle window
    /// and `defaults`, then `extra`.
    public func writeConfiguration(_ extra: String, defaults: String = "") throws {
        let text = """
            [punchplay]
            client_id = "\(SandboxApp.agentClientID)"
            api_base_url = "\(sandbox.baseURL.absoluteString)"
            credential_store = "file"
            device_name = "e2e"

            [defaults]
            settle_ms = 200
            \(defaults)

            \(extra)
            """
        try text.write(toFile: configFile, atomically: true, encoding: .utf8)
    }

    /// Logs in as `punchplay-mpris login` would, with tokens the sandbox issued directly.
    @discardableResult
    public func logIn() async throws -> IssuedTokens {
        try await sandbox.logIn(storingIn: stateDirectory + "/credentials.json", username: "sandbox")
    }

    /// Logs in, then tells the agent running on `busAddress` over its D-Bus interface, as `punchplay-mpris
    /// login` does.
    @discardableResult
    public func logIn(tellingAgentOn busAddress: String) async throws -> IssuedTokens {
        let tokens = try await logIn()
        guard let agent = await AgentBusClient.connectIfRunning(address: busAddress) else {
            throw TestSupportError("no agent owns \(AgentBus.name) on \(busAddress)")
        }
        do {
            try await agent.loggedIn()
        } catch {
            await agent.close()
            throw error
        }
        await agent.close()
        return tokens
    }

    public func remove() {
        directory.remove()
    }
}
