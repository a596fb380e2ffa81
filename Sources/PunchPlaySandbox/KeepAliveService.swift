import Foundation
import ServiceLifecycle

/// Sends a keep-alive comment on every open live stream every `interval` seconds until graceful shutdown, so
/// idle proxies keep the connection and streams of departed clients end instead of piling up.
struct KeepAliveService: Service {
    let state: SandboxState
    let interval: TimeInterval

    func run() async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(interval))
                if !Task.isCancelled {
                    await state.sendKeepAlives()
                }
            }
        }
    }
}
