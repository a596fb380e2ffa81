/// The name of a D-Bus error, such as `org.freedesktop.DBus.Error.ServiceUnknown`, as a type so callers compare
/// against named constants instead of spelling strings.
public struct DBusErrorName: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public var description: String { rawValue }
}

extension DBusErrorName {
    /// A generic failure; also what a handler's non-D-Bus Swift error becomes on the wire.
    public static let failed: DBusErrorName = "org.freedesktop.DBus.Error.Failed"
    /// No connection owns the destination name and the bus could not start one.
    public static let serviceUnknown: DBusErrorName = "org.freedesktop.DBus.Error.ServiceUnknown"
    /// The name asked about (for example with `GetNameOwner`) has no owner.
    public static let nameHasNoOwner: DBusErrorName = "org.freedesktop.DBus.Error.NameHasNoOwner"
    /// The peer went away without replying (the bus sends this when the callee disconnects mid-call).
    public static let noReply: DBusErrorName = "org.freedesktop.DBus.Error.NoReply"
    /// The reply did not arrive within the call's timeout; raised locally by `DBusConnection.call`.
    public static let timeout: DBusErrorName = "org.freedesktop.DBus.Error.Timeout"
    /// The connection to the bus is closed or was lost.
    public static let disconnected: DBusErrorName = "org.freedesktop.DBus.Error.Disconnected"
    /// The arguments were not what the method expects, or could not be encoded.
    public static let invalidArgs: DBusErrorName = "org.freedesktop.DBus.Error.InvalidArgs"
    /// The object exists but has no method of that name.
    public static let unknownMethod: DBusErrorName = "org.freedesktop.DBus.Error.UnknownMethod"
    /// No object is exported at the path.
    public static let unknownObject: DBusErrorName = "org.freedesktop.DBus.Error.UnknownObject"
    /// The object does not implement the interface.
    public static let unknownInterface: DBusErrorName = "org.freedesktop.DBus.Error.UnknownInterface"
    /// The interface has no property of that name.
    public static let unknownProperty: DBusErrorName = "org.freedesktop.DBus.Error.UnknownProperty"
    /// The property exists but cannot be set.
    public static let propertyReadOnly: DBusErrorName = "org.freedesktop.DBus.Error.PropertyReadOnly"
    /// A message's contents did not match its declared signature or could not be decoded.
    public static let inconsistentMessage: DBusErrorName = "org.freedesktop.DBus.Error.InconsistentMessage"
    /// The bus has no match rule equal to the one being removed.
    public static let matchRuleNotFound: DBusErrorName = "org.freedesktop.DBus.Error.MatchRuleNotFound"
    /// The bus could not parse a match rule.
    public static let matchRuleInvalid: DBusErrorName = "org.freedesktop.DBus.Error.MatchRuleInvalid"
    /// The bus refused the operation because of its security policy.
    public static let accessDenied: DBusErrorName = "org.freedesktop.DBus.Error.AccessDenied"
    /// The address to connect to is malformed.
    public static let badAddress: DBusErrorName = "org.freedesktop.DBus.Error.BadAddress"
    /// Memory ran out inside libdbus.
    public static let noMemory: DBusErrorName = "org.freedesktop.DBus.Error.NoMemory"
}
