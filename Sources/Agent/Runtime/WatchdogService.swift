import ServiceLifecycle

/// Pings systemd's watchdog (`WatchdogSec=`) every `interval` (already half of `WATCHDOG_USEC`) while the agent runs.
struct WatchdogService: Service {
    let notifier: ServiceManagerNotifier
    let interval: Duration

    func run() async throws {
        let notifier = notifier
        let interval = interval
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                _ = notifier.notify([.watchdog])
                try await Task.sleep(for: interval)
            }
        }
    }
}
