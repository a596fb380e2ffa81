import DBus
import Logging
import ServiceLifecycle

/// Runs the tray icon for as long as the agent runs: shows every change of the agent's status, and registers the
/// item with the StatusNotifierWatcher now and whenever a watcher (re)appears on the bus. A session without a
/// watcher is normal (no tray in this desktop), so that is logged at debug level only.
struct TrayService: Service {
    let tray: TrayIcon
    let control: AgentControl
    let connection: DBusConnection
    let logger: Logger

    func run() async throws {
        let service = self
        let watchers = try await connection.signals(
            matching: MatchRule(
                sender: "org.freedesktop.DBus",
                interface: "org.freedesktop.DBus",
                member: "NameOwnerChanged",
                path: "/org/freedesktop/DBus",
                arguments: [0: TrayBus.watcherName]
            )
        )
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await status in await service.control.statusUpdates() {
                        await service.tray.show(TrayPresentation(status: status))
                    }
                }
                group.addTask {
                    await service.register(justAppeared: false)
                    for await signal in watchers {
                        guard signal.arguments.count == 3, let owner = signal.arguments[2].asString, !owner.isEmpty
                        else { continue }
                        await service.register(justAppeared: true)
                    }
                }
            }
        }
    }

    /// Asks the watcher to show the item, under the agent's unique name (the item is at the standard path). A
    /// watcher that `justAppeared` may own its name before it serves its object: `UnknownObject` or
    /// `UnknownMethod` from it is asked again every 100 ms for up to 2 s.
    private func register(justAppeared: Bool) async {
        let attempts = justAppeared ? 20 : 1
        for attempt in 1...attempts {
            do {
                _ = try await connection.call(
                    destination: TrayBus.watcherName,
                    path: TrayBus.watcherPath,
                    interface: TrayBus.watcherInterface,
                    member: "RegisterStatusNotifierItem",
                    arguments: [.string(await connection.uniqueName)],
                    timeout: .seconds(5)
                )
                logger.info("tray icon registered with the StatusNotifierWatcher")
                return
            } catch let error as DBusError
                where attempt < attempts && (error.name == .unknownObject || error.name == .unknownMethod)
            {
                do { try await Task.sleep(for: .milliseconds(100)) } catch { return }
            } catch {
                logger.debug("no tray icon for now (no StatusNotifierWatcher on the bus: \(error)); waiting for one")
                return
            }
        }
    }
}
