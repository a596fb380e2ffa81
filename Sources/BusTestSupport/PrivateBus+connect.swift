public import DBus

extension PrivateBus {
    /// Opens a new private connection to this bus; the caller closes it.
    public func connect() async throws -> DBusConnection {
        try await DBusConnection.connect(address: address)
    }
}
