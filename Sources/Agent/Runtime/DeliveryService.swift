import Logging
import Outbox
import ServiceLifecycle

/// Runs the outbox's delivery loop as a service; on graceful shutdown (after the scrobbling pipeline has
/// persisted its `stop`s) it stops the loop and sends what it can within the shutdown budget.
struct DeliveryService: Service {
    let delivery: EventDelivery
    let shutdownBudget: Duration
    let logger: Logger

    func run() async throws {
        let delivery = delivery
        await cancelWhenGracefulShutdown { await delivery.run() }
        let left = await delivery.drain(within: shutdownBudget)
        if left > 0 {
            logger.info("\(left) event(s) stay queued and will be sent at the next start")
        }
    }
}
