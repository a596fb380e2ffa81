import Logging
import Outbox
import ServiceLifecycle

/// Tells the user when the outbox database turns out corrupt while the agent runs and is replaced by a fresh
/// one (log line and desktop notification), once per replacement; a corruption found at start-up is
/// logged where the store is opened.
struct OutboxRecoveryNoticeService: Service {
    let delivery: EventDelivery
    /// The recovery already reported when the store was opened.
    let reportedAtOpen: CorruptionRecovery?
    let notify: @Sendable (String, String) async -> Void
    let logger: Logger

    func run() async throws {
        let service = self
        await cancelWhenGracefulShutdown {
            var reported = service.reportedAtOpen
            for await state in await service.delivery.states() {
                guard let recovery = state.databaseRecovery, recovery != reported else { continue }
                reported = recovery
                service.logger.error("\(recovery.message)")
                await service.notify("PunchPlay outbox replaced", recovery.message)
            }
        }
    }
}
