public import DBus

extension PrivateBus {
    /// Opens a new private connection to this bus; the caller closes it.
    public func connect() async throws -> DBusConnection {
        try await DBusConnection.connect(address: address)
    }

    /// Runs `body` with a new connection to this bus and closes it afterwards, also when `body` throws.
    public func withConnection<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (DBusConnection) async throws -> Result
    ) async throws -> Result {
        let connection = try await connect()
        do {
            let result = try await body(connection)
            await connection.close()
            return result
        } catch {
            await connection.close()
            throw error
        }
    }
}
