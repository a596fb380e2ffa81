/// One named argument of an exported method, declared so introspection tells callers (`busctl`, `gdbus`, d-feet)
/// what to send and what comes back.
public struct DBusArgument: Sendable, Hashable {
    public var name: String
    /// The D-Bus type signature, such as `u` or `a{sv}`.
    public var signature: String

    public init(_ name: String, _ signature: String) {
        self.name = name
        self.signature = signature
    }
}

/// The declared arguments of one method: what it takes and what it returns.
public struct DBusMethodArguments: Sendable, Hashable {
    public var inputs: [DBusArgument]
    public var outputs: [DBusArgument]

    public init(inputs: [DBusArgument] = [], outputs: [DBusArgument] = []) {
        self.inputs = inputs
        self.outputs = outputs
    }
}
