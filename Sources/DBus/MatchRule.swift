/// A D-Bus match rule as a value: the bus delivers to this connection only the messages a rule matches, and a
/// signal subscription owns its rule (see ``DBusConnection/signals(matching:)``).
///
/// ```swift
/// let rule = MatchRule(interface: "org.freedesktop.DBus.Properties", member: "PropertiesChanged",
///                      path: "/org/mpris/MediaPlayer2", arguments: [0: "org.mpris.MediaPlayer2.Player"])
/// rule.description  // type='signal',interface='org.freedesktop.DBus.Properties',...
/// ```
public struct MatchRule: Sendable, Hashable, CustomStringConvertible {
    /// The message type a rule matches.
    public enum MessageType: String, Sendable, Hashable {
        case signal
        case methodCall = "method_call"
        case methodReturn = "method_return"
        case error
    }

    public var type: MessageType?
    /// A unique or well-known bus name; the bus resolves well-known names to their current owner.
    public var sender: String?
    public var interface: String?
    public var member: String?
    public var path: String?
    /// Matches `path` itself and every path below it.
    public var pathNamespace: String?
    public var destination: String?
    /// `argN='value'`: the N-th argument is a string equal to the value.
    public var arguments: [Int: String]
    /// `argNpath='value'`: the N-th argument is a string or object path equal to the value, or either is a
    /// prefix of the other ending in `/`.
    public var argumentPaths: [Int: String]
    /// `arg0namespace='a.b'`: the first argument is a string equal to `a.b` or starting with `a.b.`.
    public var arg0Namespace: String?

    public init(
        type: MessageType? = .signal,
        sender: String? = nil,
        interface: String? = nil,
        member: String? = nil,
        path: String? = nil,
        pathNamespace: String? = nil,
        destination: String? = nil,
        arguments: [Int: String] = [:],
        argumentPaths: [Int: String] = [:],
        arg0Namespace: String? = nil
    ) {
        self.type = type
        self.sender = sender
        self.interface = interface
        self.member = member
        self.path = path
        self.pathNamespace = pathNamespace
        self.destination = destination
        self.arguments = arguments
        self.argumentPaths = argumentPaths
        self.arg0Namespace = arg0Namespace
    }

    /// The rule in the bus's text syntax, as passed to `org.freedesktop.DBus.AddMatch`.
    public var description: String {
        var keys: [(String, String)] = []
        if let type { keys.append(("type", type.rawValue)) }
        if let sender { keys.append(("sender", sender)) }
        if let interface { keys.append(("interface", interface)) }
        if let member { keys.append(("member", member)) }
        if let path { keys.append(("path", path)) }
        if let pathNamespace { keys.append(("path_namespace", pathNamespace)) }
        if let destination { keys.append(("destination", destination)) }
        for (index, value) in arguments.sorted(by: { $0.key < $1.key }) {
            keys.append(("arg\(index)", value))
        }
        for (index, value) in argumentPaths.sorted(by: { $0.key < $1.key }) {
            keys.append(("arg\(index)path", value))
        }
        if let arg0Namespace { keys.append(("arg0namespace", arg0Namespace)) }
        return keys.map { "\($0.0)=\(Self.quoted($0.1))" }.joined(separator: ",")
    }

    /// Quotes a value; the syntax has no escape inside quotes, so an apostrophe closes the quote, appears as
    /// `\'` and reopens it.
    private static func quoted(_ value: String) -> String {
        "'" + value.replacing("'", with: "'\\''") + "'"
    }
}
