/// Calls on the bus itself (`org.freedesktop.DBus`) and on `org.freedesktop.DBus.Properties`.
extension DBusConnection {
    /// How ``requestName(_:flags:)`` may take a name over.
    public struct NameRequestFlags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// Let a later requester with ``replaceExisting`` take the name from us.
        public static let allowReplacement = NameRequestFlags(rawValue: 1)
        /// Take the name from its owner if the owner allowed replacement.
        public static let replaceExisting = NameRequestFlags(rawValue: 2)
        /// Fail instead of waiting in the queue when the name is taken.
        public static let doNotQueue = NameRequestFlags(rawValue: 4)
    }

    /// The bus's answer to `RequestName`.
    public enum NameRequestReply: UInt32, Sendable {
        case primaryOwner = 1
        case inQueue = 2
        case exists = 3
        case alreadyOwner = 4
    }

    /// The bus's answer to `ReleaseName`.
    public enum NameReleaseReply: UInt32, Sendable {
        case released = 1
        case nonExistent = 2
        case notOwner = 3
    }

    /// Every name currently on the bus, unique and well-known.
    public func listNames() async throws -> [String] {
        let reply = try await callBus("ListNames", [])
        guard let names = reply.first?.asStringList else { throw unexpectedReply("ListNames", reply) }
        return names
    }

    /// The unique name owning `name`.
    /// - Throws: ``DBusErrorName/nameHasNoOwner`` if nobody owns it.
    public func nameOwner(of name: String) async throws -> String {
        let reply = try await callBus("GetNameOwner", [.string(name)])
        guard let owner = reply.first?.asString else { throw unexpectedReply("GetNameOwner", reply) }
        return owner
    }

    /// The Unix user id of the process behind connection `name` (`GetConnectionUnixUser`), as the bus
    /// verified it when that connection authenticated; the way an exported object checks who is calling.
    /// - Throws: ``DBusErrorName/nameHasNoOwner`` when `name` is gone; a bus error when the bus cannot tell.
    public func unixUser(of name: String) async throws -> UInt32 {
        let reply = try await callBus("GetConnectionUnixUser", [.string(name)])
        guard let user = reply.first?.asInt64, let uid = UInt32(exactly: user) else {
            throw unexpectedReply("GetConnectionUnixUser", reply)
        }
        return uid
    }

    /// Asks the bus for a well-known name.
    @discardableResult
    public func requestName(_ name: String, flags: NameRequestFlags = [.doNotQueue]) async throws
        -> NameRequestReply
    {
        let reply = try await callBus("RequestName", [.string(name), .uint32(flags.rawValue)])
        guard let code = reply.first?.asInt64, let answer = NameRequestReply(rawValue: UInt32(clamping: code)) else {
            throw unexpectedReply("RequestName", reply)
        }
        return answer
    }

    /// Gives a well-known name back to the bus.
    @discardableResult
    public func releaseName(_ name: String) async throws -> NameReleaseReply {
        let reply = try await callBus("ReleaseName", [.string(name)])
        guard let code = reply.first?.asInt64, let answer = NameReleaseReply(rawValue: UInt32(clamping: code)) else {
            throw unexpectedReply("ReleaseName", reply)
        }
        return answer
    }

    /// Reads one property (`org.freedesktop.DBus.Properties.Get`), returning the value inside its variant.
    public func getProperty(
        destination: String,
        path: String,
        interface: String,
        name: String,
        timeout: Duration = defaultTimeout
    ) async throws -> DBusValue {
        let reply = try await call(
            destination: destination,
            path: path,
            interface: Self.propertiesInterface,
            member: "Get",
            arguments: [.string(interface), .string(name)],
            timeout: timeout
        )
        guard reply.count == 1, let value = reply.first else { throw unexpectedReply("Get", reply) }
        return value.unwrappedVariant
    }

    /// Reads every property of an interface (`org.freedesktop.DBus.Properties.GetAll`), values unwrapped from
    /// their variants.
    public func getAllProperties(
        destination: String,
        path: String,
        interface: String,
        timeout: Duration = defaultTimeout
    ) async throws -> [String: DBusValue] {
        let reply = try await call(
            destination: destination,
            path: path,
            interface: Self.propertiesInterface,
            member: "GetAll",
            arguments: [.string(interface)],
            timeout: timeout
        )
        guard let properties = reply.first?.asStringDictionary else { throw unexpectedReply("GetAll", reply) }
        return properties.mapValues(\.unwrappedVariant)
    }

    static let propertiesInterface = "org.freedesktop.DBus.Properties"

    func callBus(_ member: String, _ arguments: [DBusValue]) async throws -> [DBusValue] {
        try await call(
            destination: "org.freedesktop.DBus",
            path: "/org/freedesktop/DBus",
            interface: "org.freedesktop.DBus",
            member: member,
            arguments: arguments
        )
    }

    private func unexpectedReply(_ member: String, _ reply: [DBusValue]) -> DBusError {
        DBusError(.inconsistentMessage, "unexpected reply to \(member): \(reply.map(\.signature).joined())")
    }
}
