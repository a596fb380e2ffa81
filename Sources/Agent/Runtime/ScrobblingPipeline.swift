import Logging
import MPRIS
import PlaybackModel
import Scrobbling
import ServiceLifecycle

/// The observing half of the agent as one service: the MPRIS watcher feeding the scrobbling core. On
/// graceful shutdown the core stops every open session (the sink persists the `stop`s) before `run()`
/// returns, so the delivery service that shuts down after it can still send them.
struct ScrobblingPipeline: Service {
    let watcher: PlayerWatcher
    let scrobbling: ScrobblingService<SuspendingClock>
    let serviceManager: ServiceManagerNotifier?
    let logger: Logger

    func run() async throws {
        let watcher = watcher
        let scrobbling = scrobbling
        let logger = logger
        let sidecars = SidecarAttacher(logger: logger)
        let observations = watcher.stampedObservations.map { stamped in
            logger.debug("observed \(stamped.observation)")
            return StampedObservation(await sidecars.attach(to: stamped.observation), arrivedAt: stamped.arrivedAt)
        }
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        try await watcher.run()
                        // Not `Task.isCancelled`: when the bus goes, the scrobbling loop can end and cancel this
                        // task before it gets here; only a shutdown asked of the agent makes the end expected.
                        if !Task.isShuttingDownGracefully {
                            logger.notice("the session bus went away (the desktop session ended?): stopping")
                        }
                    } catch {
                        logger.error("watching the session bus failed: \(error)")
                    }
                }
                _ = serviceManager?.notify([.ready, .status("watching media players")])
                logger.info("watching media players on the session bus")
                await scrobbling.run(stampedObservations: observations)
                group.cancelAll()
            }
        } onGracefulShutdown: {
            _ = serviceManager?.notify([.stopping])
            scrobbling.shutdown()
        }
    }
}
