import BusTestSupport
import DBus
import Foundation
import TestSupport

/// A real `gnome-keyring-daemon` (secrets component only) on a private bus, its login keyring created and
/// unlocked with a throw-away password from standard input, in a temporary home; stopped and removed when the
/// scope ends.
struct KeyringDaemon {
    static let executable = "/usr/bin/gnome-keyring-daemon"
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    /// Runs `body` with a bus whose `org.freedesktop.secrets` is a fresh keyring.
    static func with<Result>(_ body: (PrivateBus) async throws -> Result) async throws -> Result {
        try await PrivateBus.with { bus in
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("keyring-\(UUID().uuidString)")
            let runtime = home.appendingPathComponent("run")
            try FileManager.default.createDirectory(
                at: runtime,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
            defer { try? FileManager.default.removeItem(at: home) }
            let watcher = try await bus.connect()
            let owners = try await watcher.signals(
                matching: MatchRule(
                    sender: "org.freedesktop.DBus",
                    interface: "org.freedesktop.DBus",
                    member: "NameOwnerChanged",
                    arguments: [0: "org.freedesktop.secrets"]
                )
            )
            let password = home.appendingPathComponent("password").path
            try "throw-away".write(toFile: password, atomically: true, encoding: .utf8)
            let process = try ChildProcess(
                executable,
                ["--foreground", "--components=secrets", "--unlock"],
                environment: [
                    "DBUS_SESSION_BUS_ADDRESS": bus.address, "HOME": home.path,
                    "XDG_DATA_HOME": home.appendingPathComponent("data").path, "XDG_RUNTIME_DIR": runtime.path,
                    "PATH": "/usr/bin:/bin",
                ],
                inheritingEnvironment: false,
                input: .file(password)
            )
            let stop = {
                process.send(SIGKILL)
                _ = await process.exited()
            }
            do {
                try await waitForOwner(owners)
                await watcher.close()
                let result = try await body(bus)
                await stop()
                return result
            } catch {
                await watcher.close()
                await stop()
                throw error
            }
        }
    }

    /// Waits for the keyring to claim its name, at most 20 s.
    private static func waitForOwner(_ owners: AsyncStream<DBusSignal>) async throws {
        let claimed: Bool
        do {
            claimed = try await withTimeout(.seconds(20)) {
                for await signal in owners where signal.arguments.count == 3 {
                    if case .string(let owner) = signal.arguments[2], !owner.isEmpty { return true }
                }
                return false
            }
        } catch is TimedOut {
            claimed = false
        }
        guard claimed else { throw KeyringStartError() }
    }
}

/// gnome-keyring-daemon did not claim `org.freedesktop.secrets` in time.
struct KeyringStartError: Error, CustomStringConvertible {
    var description: String { "gnome-keyring-daemon did not claim org.freedesktop.secrets within 20 s" }
}
