import Logging
import Outbox
import ServiceLifecycle

/// Tells the user once when events are held because nobody is logged in (log line and desktop notification).
/// The hold ends when `punchplay-mpris login` tells the agent over the bus (`LoggedIn()`), or on a reload.
struct LoginNoticeService: Service {
    let delivery: EventDelivery
    let notify: @Sendable (String, String) async -> Void
    let logger: Logger

    func run() async throws {
        let service = self
        await cancelWhenGracefulShutdown {
            var told = false
            for await state in await service.delivery.states() {
                guard state.phase == .loginRequired else {
                    if state.phase != .stopped { told = false }
                    continue
                }
                guard !told else { continue }
                told = true
                service.logger.warning(
                    "not logged in to PunchPlay: events are kept and sent after `punchplay-mpris login`"
                )
                await service.notify(
                    "PunchPlay login needed",
                    "Run `punchplay-mpris login`; what you watch meanwhile is kept and sent afterwards."
                )
            }
        }
    }
}
