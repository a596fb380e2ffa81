/// A signal received from the bus, delivered to subscribers of ``DBusConnection/signals(matching:)``.
public struct DBusSignal: Sendable, Hashable {
    /// The unique name (`:1.42`) of the connection that emitted the signal, or `org.freedesktop.DBus` for the bus.
    public var sender: String
    public var path: String
    public var interface: String
    public var member: String
    /// The decoded body; empty when ``decodingError`` is set.
    public var arguments: [DBusValue]
    /// Set when the body could not be decoded (for example, it carried a type `DBusValue` cannot hold); the
    /// signal is still delivered so that no signal is ever dropped silently.
    public var decodingError: DBusError?

    public init(
        sender: String,
        path: String,
        interface: String,
        member: String,
        arguments: [DBusValue],
        decodingError: DBusError? = nil
    ) {
        self.sender = sender
        self.path = path
        self.interface = interface
        self.member = member
        self.arguments = arguments
        self.decodingError = decodingError
    }
}
