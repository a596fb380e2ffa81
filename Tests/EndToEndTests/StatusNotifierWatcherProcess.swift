import Agent
import BusTestSupport
import DBus
import Foundation
import TestSupport

/// A real StatusNotifierWatcher (`status-notifier-watcher`, Debian package `haskell-status-notifier-item-utils`)
/// on a private bus, as a desktop's panel would run it; started once its name is on the bus.
struct StatusNotifierWatcherProcess {
    static let binary = "/usr/bin/status-notifier-watcher"
    let process: ChildProcess

    /// Starts the watcher on `bus` and waits until it owns `org.kde.StatusNotifierWatcher`, as `connection`
    /// sees from the bus's `NameOwnerChanged`.
    static func start(on bus: PrivateBus, seenBy connection: DBusConnection) async throws -> Self {
        try requireTool(binary, package: "haskell-status-notifier-item-utils")
        let owners = StreamRecorder(try await connection.signals(matching: nameOwnerChanged(TrayBus.watcherName)))
        let process = try ChildProcess(binary, [], environment: ["DBUS_SESSION_BUS_ADDRESS": bus.address])
        _ = try await owners.next(timeout: .seconds(20)) { $0.arguments.dropFirst(2).first?.asString?.isEmpty == false }
        return StatusNotifierWatcherProcess(process: process)
    }

    /// The bus's `NameOwnerChanged` for `name`.
    static func nameOwnerChanged(_ name: String) -> MatchRule {
        MatchRule(
            sender: "org.freedesktop.DBus", interface: "org.freedesktop.DBus", member: "NameOwnerChanged",
            path: "/org/freedesktop/DBus", arguments: [0: name])
    }

    /// Fails with the package to install when a tool the tray tests need is missing (CI installs them all).
    static func requireTool(_ path: String, package: String) throws {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TestSupportError("\(path) is missing: install the Debian package \(package) (make deps-test)")
        }
    }

    /// The items registered with the watcher (`RegisteredStatusNotifierItems`).
    static func registeredItems(on connection: DBusConnection) async throws -> [String] {
        try await connection.getProperty(
            destination: TrayBus.watcherName, path: TrayBus.watcherPath, interface: TrayBus.watcherInterface,
            name: "RegisteredStatusNotifierItems"
        ).asStringList ?? []
    }

    /// Stops the watcher, as a panel that crashes or restarts would.
    func stop() async {
        process.send(SIGTERM)
        _ = await process.exited(killingAfter: .seconds(10))
    }
}
