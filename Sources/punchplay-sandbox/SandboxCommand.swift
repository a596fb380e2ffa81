import ArgumentParser
import Foundation
import Logging
import PunchPlaySandbox

/// `punchplay-sandbox`: runs the local PunchPlay stand-in until SIGINT or SIGTERM.
///
/// On start it prints two machine-readable lines on stdout, `PUNCHPLAY_SANDBOX_URL=...` and
/// `PUNCHPLAY_SANDBOX_CLIENT_ID=...`, for scripts and end-to-end tests to pick up.
@main
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "punchplay-sandbox",
        abstract: "A local, strict stand-in for the PunchPlay service, for tests and trying the agent offline."
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8787

    @Option(name: .customLong("client-id"), help: "client_id of the preset public app.")
    var clientID = "punchplay-mpris-sandbox"

    @Option(help: "Approve each device code by itself after this many polls (default: approve in the browser).")
    var autoApproveAfterPolls: Int?

    @Option(help: "Access-token lifetime in seconds.")
    var accessTokenLifetime: Double = 3600

    @Option(help: "Minimum seconds between device-code polls before slow_down.")
    var pollInterval: Double = 5

    @Flag(help: "Switch off the documented rate budgets.")
    var noRateLimits = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard accessTokenLifetime > 0 else { throw ValidationError("--access-token-lifetime must be positive.") }
        guard pollInterval >= 0 else { throw ValidationError("--poll-interval must not be negative.") }
        guard autoApproveAfterPolls.map({ $0 >= 0 }) ?? true else {
            throw ValidationError("--auto-approve-after-polls must not be negative.")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical.")
        }
        guard !clientID.isEmpty else { throw ValidationError("--client-id must not be empty.") }
    }

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "punchplay-sandbox")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        var configuration = SandboxConfiguration()
        var app = SandboxApp.agent
        app.clientID = clientID
        configuration.apps = [app]
        configuration.autoApproveAfterPolls = autoApproveAfterPolls
        configuration.accessTokenLifetime = accessTokenLifetime
        configuration.pollInterval = pollInterval
        configuration.rateLimits = noRateLimits ? .disabled : .documented
        let clientID = clientID
        let readyLogger = logger
        try await PunchPlaySandbox.run(configuration: configuration, host: host, port: port, logger: logger) {
            sandbox in
            let lines =
                "PUNCHPLAY_SANDBOX_URL=\(sandbox.baseURL.absoluteString)\nPUNCHPLAY_SANDBOX_CLIENT_ID=\(clientID)\n"
            FileHandle.standardOutput.write(Data(lines.utf8))
            readyLogger.info(
                "Sandbox ready; set api_base_url and client_id in the [punchplay] config table",
                metadata: ["api_base_url": "\(sandbox.baseURL.absoluteString)", "client_id": "\(clientID)"]
            )
        }
    }
}
