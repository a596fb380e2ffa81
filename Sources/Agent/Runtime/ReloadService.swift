import Foundation
import Logging
import Outbox
import Scrobbling
import ServiceLifecycle
import UnixSignals

/// SIGHUP: reads the configuration again and hands the new per-player policies and log level to the running
/// agent without touching open sessions. A file that does not validate keeps the previous configuration and
/// logs every problem. Also a nudge to retry a held login. The `[punchplay]` table is read only at start.
struct ReloadService: Service {
    let loader: ConfigurationLoader
    let initial: AgentConfiguration
    let scrobbling: ScrobblingService<SuspendingClock>
    let delivery: EventDelivery
    let applyLogLevel: @Sendable (AgentConfiguration) -> Void
    let serviceManager: ServiceManagerNotifier?
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        let service = self
        await cancelWhenGracefulShutdown {
            var current = service.initial
            for await _ in signals {
                current = await service.reload(replacing: current)
            }
        }
    }

    private func reload(replacing current: AgentConfiguration) async -> AgentConfiguration {
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
            return configuration
        case .rejected(let error, let previous):
            let problems = error.description.split(separator: "\n").joined(separator: "; ")
            logger.error("configuration not reloaded, the previous one stays in effect: \(problems)")
            return previous
        }
    }

    private static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    }
}
