import DBus
import Logging
import Scrobbling
import ServiceLifecycle

/// Forwards logind's sleep and wake to the scrobbling core, so sessions stop before the lid closes. Without
/// a system bus (containers, some minimal sessions) it logs that at debug level and does nothing.
struct SleepService: Service {
    let scrobbling: ScrobblingService<SuspendingClock>
    let logger: Logger

    func run() async throws {
        let connection: DBusConnection
        let transitions: AsyncStream<SleepWatcher.Transition>
        do {
            connection = try await DBusConnection.system()
            do {
                transitions = try await SleepWatcher(connection: connection).transitions()
            } catch {
                await connection.close()
                throw error
            }
        } catch {
            logger.debug("no system bus, so sleep and wake are not followed: \(error)")
            return
        }
        logger.debug("following sleep and wake through logind on the system bus")
        let scrobbling = scrobbling
        let logger = logger
        await cancelWhenGracefulShutdown {
            for await transition in transitions {
                logger.debug("logind: \(transition)")
                switch transition {
                case .goingToSleep: scrobbling.prepareForSleep()
                case .wokeUp: scrobbling.wake()
                }
            }
        }
        await connection.close()
    }
}
