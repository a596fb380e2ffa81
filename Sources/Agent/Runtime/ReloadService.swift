import ServiceLifecycle
import UnixSignals

/// SIGHUP: reloads the configuration (see `ConfigurationReloader`) each time the signal arrives.
struct ReloadService: Service {
    let reloader: ConfigurationReloader

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        let reloader = reloader
        await cancelWhenGracefulShutdown {
            for await _ in signals {
                await reloader.reload()
            }
        }
    }
}
