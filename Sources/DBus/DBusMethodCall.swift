/// A method call received by an exported object, handed to its ``DBusMethodHandler``.
public struct DBusMethodCall: Sendable, Hashable {
    /// The unique name of the caller.
    public var sender: String
    public var path: String
    /// The interface the caller named; `nil` when the caller left it out.
    public var interface: String?
    public var member: String
    public var arguments: [DBusValue]

    public init(sender: String, path: String, interface: String?, member: String, arguments: [DBusValue]) {
        self.sender = sender
        self.path = path
        self.interface = interface
        self.member = member
        self.arguments = arguments
    }
}

/// Answers a method call on an exported object: return the reply values, or throw a ``DBusError`` to send that
/// error (any other error is sent as ``DBusErrorName/failed``). It may take as long as it likes; the caller's
/// timeout is the caller's business.
public typealias DBusMethodHandler = @Sendable (DBusMethodCall) async throws -> [DBusValue]
