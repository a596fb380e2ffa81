/// One interface of an exported object: its methods and its properties, served by ``DBusConnection/export(path:interfaces:)``
/// together with `org.freedesktop.DBus.Properties` and `org.freedesktop.DBus.Introspectable`.
public struct DBusInterface: Sendable {
    /// The interface name, such as `org.mpris.MediaPlayer2.Player`.
    public var name: String
    /// Method handlers by member name.
    public var methods: [String: DBusMethodHandler]
    /// Initial property values by name. Values are not type-checked, so a test object can serve wrong types.
    public var properties: [String: DBusValue]
    /// Properties that remote callers may change with `org.freedesktop.DBus.Properties.Set`.
    public var writableProperties: Set<String>
    /// Signals by member name with their argument signatures, announced only in introspection data.
    public var signals: [String: [String]]
    /// Declared method arguments by member name, announced only in introspection data; a method without an
    /// entry is introspected without arguments.
    public var methodArguments: [String: DBusMethodArguments]

    public init(
        name: String,
        methods: [String: DBusMethodHandler] = [:],
        properties: [String: DBusValue] = [:],
        writableProperties: Set<String> = [],
        signals: [String: [String]] = [:],
        methodArguments: [String: DBusMethodArguments] = [:]
    ) {
        self.name = name
        self.methods = methods
        self.properties = properties
        self.writableProperties = writableProperties
        self.signals = signals
        self.methodArguments = methodArguments
    }
}
