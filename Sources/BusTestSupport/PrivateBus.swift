import Foundation

/// A private `dbus-daemon` for tests: its own socket in a fresh temporary directory, no service activation, torn
/// down (daemon stopped and reaped, directory removed) when the scope ends, whether the body succeeds or throws.
///
/// ```swift
/// try await PrivateBus.with { bus in
///     let connection = try await DBusConnection.connect(address: bus.address)
///     ...
/// }
/// ```
public struct PrivateBus: Sendable {
    /// The address to connect to, as the daemon printed it (`unix:path=...,guid=...`).
    public let address: String
    /// The daemon's process id.
    public var processID: Int32 { daemon.daemonID }
    let daemon: DaemonProcess
    /// The temporary directory holding the configuration and the socket.
    public let directory: URL

    /// Runs `body` with a freshly started bus and stops the bus afterwards.
    ///
    /// - Parameters:
    ///   - allowingAnyUser: let connections from every user in (needed to run a player as another user);
    ///     by default only the current user may connect, as on a session bus.
    public static func with<Result>(
        allowingAnyUser: Bool = false,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PrivateBus) async throws -> Result
    ) async throws -> Result {
        let bus = try await start(allowingAnyUser: allowingAnyUser)
        do {
            let result = try await body(bus)
            try await bus.stop()
            return result
        } catch {
            try? await bus.stop()
            throw error
        }
    }

    /// Starts a bus that the caller must ``stop()``; prefer ``with(allowingAnyUser:isolation:_:)``.
    /// Blocking: waits for the daemon to print its address (a few milliseconds).
    public static func start(allowingAnyUser: Bool = false) async throws -> PrivateBus {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("punchplay-bus-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(
            at: directory,
            withIntermediateDirectories: false,
            attributes: [.posixPermissions: allowingAnyUser ? 0o755 : 0o700]
        )
        do {
            let configuration = directory.appendingPathComponent("bus.conf")
            let socket = directory.appendingPathComponent("bus").path
            try BusConfiguration(socketPath: socket, allowingAnyUser: allowingAnyUser).xml
                .write(to: configuration, atomically: true, encoding: .utf8)
            let daemon = try await DaemonProcess.spawn(configurationPath: configuration.path)
            return PrivateBus(address: daemon.address, daemon: daemon, directory: directory)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    /// Stops the daemon, waits for it to exit (so it never lingers as a zombie) and removes the directory.
    /// Call it once. Should the test process die first, the daemon stops by itself (see `DaemonProcess`).
    public func stop() async throws {
        try await daemon.terminate()
        try FileManager.default.removeItem(at: directory)
    }
}
