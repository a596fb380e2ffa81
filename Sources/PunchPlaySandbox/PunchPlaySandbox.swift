import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// A local, strict stand-in for the PunchPlay service, for tests and for trying the agent without an account.
///
/// Start it scoped to a closure (it always shuts down, also when the closure throws):
///
/// ```swift
/// try await PunchPlaySandbox.withRunning { sandbox in
///     let tokens = try await sandbox.issueTokens()
///     // talk HTTP to sandbox.apiBaseURL, then assert on sandbox.recordedRequests()
/// }
/// ```
///
/// The control methods (in `PunchPlaySandbox+Control.swift`) change its behaviour and read what it recorded;
/// the same operations are served over HTTP under `/_sandbox/` (see `README.md` in this directory).
public struct PunchPlaySandbox: Sendable {
    /// `http://host:port` of the running server.
    public let baseURL: URL
    let state: SandboxState

    /// `baseURL` + `/api/platform/v1`, where the contract's endpoints live.
    public var apiBaseURL: URL {
        URL(string: baseURL.absoluteString + SandboxAPI.prefix)!
    }

    /// Runs a sandbox on `host:port` (port 0 picks a free one) for the duration of `body`, then shuts it down
    /// gracefully, ending live streams and hanging requests.
    public static func withRunning<Result: Sendable>(
        configuration: SandboxConfiguration = SandboxConfiguration(),
        host: String = "127.0.0.1",
        port: Int = 0,
        logger: Logger = Logger(label: "punchplay-sandbox", factory: { _ in SwiftLogNoOpLogHandler() }),
        _ body: (PunchPlaySandbox) async throws -> Result
    ) async throws -> Result {
        let state = SandboxState(configuration: configuration)
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let serviceGroup = makeServiceGroup(
            configuration: configuration,
            state: state,
            host: host,
            port: port,
            logger: logger,
            signals: []
        ) { boundPort in
            portContinuation.yield(boundPort)
            portContinuation.finish()
        }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { portContinuation.finish() }
                try await serviceGroup.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let boundPort = await iterator.next() else {
                try await group.waitForAll()
                throw SandboxStartError(host: host, port: port)
            }
            let sandbox = PunchPlaySandbox(baseURL: url(host: host, port: boundPort), state: state)
            let outcome: Swift.Result<Result, any Error>
            do {
                outcome = .success(try await body(sandbox))
            } catch {
                outcome = .failure(error)
            }
            await serviceGroup.triggerGracefulShutdown()
            try await group.waitForAll()
            return try outcome.get()
        }
    }

    /// Runs a sandbox until SIGINT or SIGTERM, calling `onStart` once it accepts connections.
    public static func run(
        configuration: SandboxConfiguration,
        host: String,
        port: Int,
        logger: Logger,
        onStart: @escaping @Sendable (PunchPlaySandbox) -> Void
    ) async throws {
        let state = SandboxState(configuration: configuration)
        let serviceGroup = makeServiceGroup(
            configuration: configuration,
            state: state,
            host: host,
            port: port,
            logger: logger,
            signals: [.sigint, .sigterm]
        ) { boundPort in
            onStart(PunchPlaySandbox(baseURL: url(host: host, port: boundPort), state: state))
        }
        try await serviceGroup.run()
    }

    private static func makeServiceGroup(
        configuration: SandboxConfiguration,
        state: SandboxState,
        host: String,
        port: Int,
        logger: Logger,
        signals: [UnixSignal],
        onRunning: @escaping @Sendable (Int) -> Void
    ) -> ServiceGroup {
        let application = Application(
            router: SandboxAPI.router(state: state),
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: port),
                serverName: "punchplay-sandbox"
            ),
            onServerRunning: { channel in
                onRunning(channel.localAddress?.port ?? port)
            },
            logger: logger
        )
        return ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    application,
                    KeepAliveService(state: state, interval: configuration.keepAliveInterval),
                    SandboxShutdownHook(state: state),
                ],
                gracefulShutdownSignals: signals,
                logger: logger
            )
        )
    }

    private static func url(host: String, port: Int) -> URL {
        let authority = host.contains(":") ? "[\(host)]" : host
        return URL(string: "http://\(authority):\(port)")!
    }
}
