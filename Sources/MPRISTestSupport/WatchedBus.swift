import BusTestSupport
import DBus
import MPRIS

/// A private bus with a running `PlayerWatcher` on it and a recorder of its observations: the fixture of
/// every MPRIS test. Everything it starts is stopped when the body returns or throws.
///
/// ```swift
/// try await WatchedBus.with { watched in
///     let player = try await FakePlayer.start(on: watched.bus.address)
///     let appeared = try await watched.recorder.next()
/// }
/// ```
public struct WatchedBus: Sendable {
    /// The private bus; players connect to `bus.address`.
    public let bus: PrivateBus
    /// The watcher's own connection.
    public let connection: DBusConnection
    /// Everything the watcher observed, in order.
    public let recorder: ObservationRecorder

    /// Runs `body` with a fresh bus and a watcher that waits at most `callTimeout` for a player's answer.
    public static func with<Result: Sendable>(
        callTimeout: Duration = .seconds(2),
        _ body: (WatchedBus) async throws -> Result
    ) async throws -> Result {
        try await PrivateBus.with { bus in try await watching(bus, callTimeout: callTimeout, body) }
    }

    /// Runs `body` with a watcher started now on an existing `bus` (whose players it then discovers).
    public static func watching<Result: Sendable>(
        _ bus: PrivateBus,
        callTimeout: Duration = .seconds(2),
        _ body: (WatchedBus) async throws -> Result
    ) async throws -> Result {
        let connection = try await bus.connect()
        let watcher = PlayerWatcher(connection: connection, callTimeout: callTimeout)
        let recorder = ObservationRecorder(watcher.observations)
        let running = Task { try await watcher.run() }
        let outcome: Swift.Result<Result, any Error>
        do {
            outcome = .success(try await body(WatchedBus(bus: bus, connection: connection, recorder: recorder)))
        } catch {
            outcome = .failure(error)
        }
        running.cancel()
        _ = await running.result
        await connection.close()
        return try outcome.get()
    }
}
