import DBus

/// Lists the MPRIS players on a bus once, with their current state, for one-shot views such as
/// `punchplay-mpris players`; live observation is `PlayerWatcher`'s job.
public struct PlayerDirectory: Sendable {
    private let connection: DBusConnection
    private let reader: PlayerReader

    /// - Parameters:
    ///   - connection: the bus to list.
    ///   - callTimeout: how long to wait for each player to answer before listing it without that field.
    public init(connection: DBusConnection, callTimeout: Duration = .seconds(2)) {
        self.connection = connection
        reader = PlayerReader(connection: connection, timeout: callTimeout)
    }

    /// Every player on the bus, sorted by bus name, read concurrently so a player that does not answer
    /// delays the listing by at most one timeout.
    ///
    /// - Throws: `DBusError` when the bus's names cannot be listed.
    public func players() async throws -> [PlayerSnapshot] {
        let names = try await connection.listNames().compactMap(MPRISBusName.init)
        return await withTaskGroup(of: PlayerSnapshot?.self) { group in
            for name in names {
                group.addTask { await snapshot(of: name) }
            }
            var snapshots: [PlayerSnapshot] = []
            for await snapshot in group {
                if let snapshot { snapshots.append(snapshot) }
            }
            return snapshots.sorted { $0.info.busName < $1.info.busName }
        }
    }

    private func snapshot(of name: MPRISBusName) async -> PlayerSnapshot? {
        guard let owner = try? await connection.nameOwner(of: name.rawValue) else { return nil }
        async let info = reader.info(of: name, owner: owner)
        async let properties = reader.properties(of: owner)
        return PlayerSnapshot(info: await info, properties: await properties)
    }
}
