import Logging
import Outbox
import PunchPlay
import ServiceLifecycle

/// Tells the user once when events are held because nobody is logged in (log line and desktop
/// notification), and lifts the hold as soon as the store holds different credentials than when the hold
/// began (`punchplay-mpris login` ran), checking the store every few seconds only while the hold lasts.
struct LoginNoticeService: Service {
    let delivery: EventDelivery
    let credentials: any CredentialStore
    /// Hands a login found in the store to the client, which caches what it loaded at start.
    let adopt: @Sendable (StoredCredentials) async -> Void
    let notify: @Sendable (String, String) async -> Void
    let recheckInterval: Duration
    let logger: Logger

    func run() async throws {
        let service = self
        await cancelWhenGracefulShutdown {
            var told = false
            for await state in await service.delivery.states() {
                guard state.phase == .loginRequired else {
                    told = false
                    continue
                }
                // States that queued up while waiting are old news once the hold was lifted.
                guard await service.delivery.currentState.phase == .loginRequired else { continue }
                let stale = try? await service.credentials.load()
                if !told {
                    told = true
                    service.logger.warning(
                        "not logged in to PunchPlay: events are kept and sent after `punchplay-mpris login`"
                    )
                    await service.notify(
                        "PunchPlay login needed",
                        "Run `punchplay-mpris login`; what you watch meanwhile is kept and sent afterwards."
                    )
                }
                await service.waitForNewCredentials(replacing: stale)
            }
        }
    }

    /// Returns once the store holds credentials other than `stale` (or the task is cancelled), then lifts
    /// the hold; a login that went stale is not retried until it changes.
    private func waitForNewCredentials(replacing stale: StoredCredentials?) async {
        while !Task.isCancelled {
            if let current = try? await credentials.load(), current != stale {
                await adopt(current)
                logger.info("found a PunchPlay login: sending the held events")
                try? await delivery.loginRestored()
                return
            }
            try? await Task.sleep(for: recheckInterval)
        }
    }
}
