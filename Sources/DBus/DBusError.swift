/// An error from D-Bus — sent by a peer or the bus, or raised locally (timeouts, lost connections, values that
/// cannot be encoded) — keeping the standard error name so callers can react to specific failures.
public struct DBusError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The D-Bus error name, such as ``DBusErrorName/serviceUnknown``.
    public var name: DBusErrorName
    /// The human-readable message that came with the error (may be empty).
    public var message: String

    public init(_ name: DBusErrorName, _ message: String = "") {
        self.name = name
        self.message = message
    }

    public var description: String {
        message.isEmpty ? name.rawValue : "\(name.rawValue): \(message)"
    }
}
