extension MatchRule {
    /// Whether a received signal belongs to this rule. The bus sends each message once however many rules
    /// match it, so each subscription filters locally.
    ///
    /// A well-known `sender` cannot be checked here (signals carry the owner's unique name); the bus already
    /// applied it, so two subscriptions that differ only in a well-known sender both see each other's signals.
    func matches(_ signal: DBusSignal) -> Bool {
        if let type, type != .signal { return false }
        if let sender, sender.hasPrefix(":") || sender == "org.freedesktop.DBus", sender != signal.sender {
            return false
        }
        if let interface, interface != signal.interface { return false }
        if let member, member != signal.member { return false }
        if let path, path != signal.path { return false }
        if let pathNamespace, !Self.path(signal.path, isIn: pathNamespace) { return false }
        for (index, expected) in arguments {
            guard index < signal.arguments.count, case .string(let actual) = signal.arguments[index],
                actual == expected
            else { return false }
        }
        for (index, expected) in argumentPaths {
            guard index < signal.arguments.count, let actual = signal.arguments[index].pathLikeString,
                Self.pathsMatch(actual, expected)
            else { return false }
        }
        if let arg0Namespace {
            guard case .string(let actual) = signal.arguments.first,
                actual == arg0Namespace || actual.hasPrefix(arg0Namespace + ".")
            else { return false }
        }
        return true
    }

    private static func path(_ path: String, isIn namespace: String) -> Bool {
        namespace == "/" || path == namespace || path.hasPrefix(namespace + "/")
    }

    private static func pathsMatch(_ actual: String, _ expected: String) -> Bool {
        actual == expected || (expected.hasSuffix("/") && actual.hasPrefix(expected))
            || (actual.hasSuffix("/") && expected.hasPrefix(actual))
    }
}

extension DBusValue {
    fileprivate var pathLikeString: String? {
        switch self {
        case .string(let value), .objectPath(let value): value
        default: nil
        }
    }
}
