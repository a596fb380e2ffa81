import Foundation
import Logging
import Outbox
import Scrobbling

/// Reads the configuration again and hands the new per-player policies and log level to the running agent
/// without touching open sessions, for SIGHUP (`ReloadService`) and the bus's `Reload()` alike. A file that
/// does not validate keeps the previous configuration and logs every problem. Also a nudge to retry a held
/// login. The `[punchplay]` table is read only at start.
actor ConfigurationReloader {
    /// How a reload went, for the caller of `Reload()`.
    enum Outcome: Sendable {
        case applied
        /// The file did not validate; the problems, one per line.
        case rejected(String)
    }

    private let loader: ConfigurationLoader
    private var current: AgentConfiguration
    private let scrobbling: ScrobblingService<SuspendingClock>
    private let delivery: EventDelivery
    private let applyLogLevel: @Sendable (AgentConfiguration) -> Void
    private let serviceManager: ServiceManagerNotifier?
    private let logger: Logger

    init(
        loader: ConfigurationLoader,
        initial: AgentConfiguration,
        scrobbling: ScrobblingService<SuspendingClock>,
        delivery: EventDelivery,
        applyLogLevel: @escaping @Sendable (AgentConfiguration) -> Void,
        serviceManager: ServiceManagerNotifier?,
        logger: Logger
    ) {
        self.loader = loader
        current = initial
        self.scrobbling = scrobbling
        self.delivery = delivery
        self.applyLogLevel = applyLogLevel
        self.serviceManager = serviceManager
        self.logger = logger
    }

    /// Reloads once; concurrent calls run one after the other.
    @discardableResult
    func reload() async -> Outcome {
        _ = serviceManager?.notify([.reloading(monotonicMicroseconds: Self.monotonicMicroseconds())])
        defer { _ = serviceManager?.notify([.ready]) }
        switch loader.reload(replacing: current) {
        case .applied(let configuration):
            applyLogLevel(configuration)
            await scrobbling.reconfigure(policy: configuration.policy(for:))
            if configuration.punchplay != current.punchplay {
                logger.notice("the [punchplay] settings changed; they take effect after a restart")
            }
            logger.info("configuration reloaded from \(loader.location.mainFile)")
            try? await delivery.loginRestored()
            current = configuration
            return .applied
        case .rejected(let error, let previous):
            let problems = error.description.split(separator: "\n").joined(separator: "; ")
            logger.error("configuration not reloaded, the previous one stays in effect: \(problems)")
            current = previous
            return .rejected(error.description)
        }
    }

    private static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    }
}
