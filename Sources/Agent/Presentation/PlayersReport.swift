import DBus
import MPRIS

/// The work of `punchplay-mpris players`: list the players on the session bus once, or watch them and write
/// every observation as it happens. Lines go to `write`, one record per line, so the command stays thin and
/// the output is testable.
public struct PlayersReport: Sendable {
    /// One JSON object per line instead of text.
    public var json: Bool
    /// Receives each finished line (without newline); the command prints and flushes it.
    public var write: @Sendable (String) -> Void

    public init(json: Bool, write: @escaping @Sendable (String) -> Void) {
        self.json = json
        self.write = write
    }

    /// Lists the players on the bus with a freshly read position; text mode says so when there is none.
    public func list(on connection: DBusConnection) async throws {
        let players = try await PlayerDirectory(connection: connection).players()
        if players.isEmpty, !json { write("No MPRIS players on the session bus.") }
        for player in players { emit(PlayerRecord(player)) }
    }

    /// Writes every observation until the task is cancelled or the connection is lost.
    ///
    /// - Throws: `PlayersReportError` when the session bus goes away (after the players were reported as
    ///   vanished); `DBusError` when the bus refuses the subscriptions.
    public func watch(on connection: DBusConnection) async throws {
        let watcher = PlayerWatcher(connection: connection)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await watcher.run() }
            for await observation in watcher.observations { emit(PlayerRecord(observation)) }
            try await group.waitForAll()
        }
        let stillConnected = await connection.isConnected
        guard Task.isCancelled || stillConnected else {
            throw PlayersReportError("lost the connection to the session bus; run the command again once it is back")
        }
    }

    /// Connects to the session bus with an error message that says what to check.
    public static func sessionBus() async throws -> DBusConnection {
        do {
            return try await DBusConnection.session()
        } catch {
            throw PlayersReportError(
                "cannot connect to the session bus (\(error)); run this inside your desktop session, or set "
                    + "DBUS_SESSION_BUS_ADDRESS"
            )
        }
    }

    private func emit(_ record: PlayerRecord) {
        write(json ? record.jsonLine : record.textLine)
    }
}

/// Why `players` could not run, in words the user can act on.
public struct PlayersReportError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
