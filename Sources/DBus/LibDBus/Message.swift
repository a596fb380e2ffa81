internal import CDBus

/// Owns one reference to a libdbus `DBusMessage` and gives it back in `deinit`, so every message the connection
/// creates or receives is unreffed exactly once. Used only on the connection's executor.
final class Message {
    /// libdbus message types (`DBUS_MESSAGE_TYPE_*`).
    enum Kind: Int32 {
        case methodCall = 1
        case methodReturn = 2
        case error = 3
        case signal = 4
    }

    let pointer: OpaquePointer

    /// Takes over a reference the caller owns (a `dbus_message_new*` result).
    init(adopting pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// Takes a new reference to a message libdbus lends us (a filter's argument).
    init(retaining pointer: OpaquePointer) {
        self.pointer = dbus_message_ref(pointer)
    }

    deinit {
        dbus_message_unref(pointer)
    }

    /// A method call; names are validated first because libdbus aborts the process on invalid ones.
    static func methodCall(destination: String?, path: String, interface: String?, member: String) throws
        -> Message
    {
        if let destination { try NameValidation.busName(destination) }
        try NameValidation.objectPath(path)
        if let interface { try NameValidation.interface(interface) }
        try NameValidation.member(member)
        return try adopt(dbus_message_new_method_call(destination, path, interface, member))
    }

    /// A signal; names are validated first because libdbus aborts the process on invalid ones.
    static func signal(path: String, interface: String, member: String) throws -> Message {
        try NameValidation.objectPath(path)
        try NameValidation.interface(interface)
        try NameValidation.member(member)
        return try adopt(dbus_message_new_signal(path, interface, member))
    }

    /// The successful reply to call number `serial` from `destination`.
    static func methodReturn(replyingTo serial: UInt32, destination: String?) throws -> Message {
        let reply = try adopt(dbus_message_new(Kind.methodReturn.rawValue))
        try reply.address(replyingTo: serial, destination: destination)
        return reply
    }

    /// The error reply to call number `serial` from `destination`; an invalid error name becomes `Failed`.
    static func error(_ error: DBusError, replyingTo serial: UInt32, destination: String?) throws -> Message {
        let reply = try adopt(dbus_message_new(Kind.error.rawValue))
        try reply.address(replyingTo: serial, destination: destination)
        let name = (try? NameValidation.errorName(error.name.rawValue)) != nil ? error.name : .failed
        guard dbus_message_set_error_name(reply.pointer, name.rawValue) != 0 else { throw outOfMemory }
        try reply.append([.string(error.message.replacing("\0", with: ""))])
        return reply
    }

    private func address(replyingTo serial: UInt32, destination: String?) throws {
        dbus_message_set_no_reply(pointer, 1)
        guard dbus_message_set_reply_serial(pointer, serial) != 0 else { throw Self.outOfMemory }
        if let destination {
            try NameValidation.busName(destination)
            guard dbus_message_set_destination(pointer, destination) != 0 else { throw Self.outOfMemory }
        }
    }

    private static func adopt(_ pointer: OpaquePointer?) throws -> Message {
        guard let pointer else { throw outOfMemory }
        return Message(adopting: pointer)
    }

    static let outOfMemory = DBusError(.noMemory, "libdbus could not allocate a message")

    var kind: Kind? { Kind(rawValue: dbus_message_get_type(pointer)) }
    var serial: UInt32 { dbus_message_get_serial(pointer) }
    var replySerial: UInt32 { dbus_message_get_reply_serial(pointer) }
    var expectsReply: Bool { dbus_message_get_no_reply(pointer) == 0 }
    var sender: String? { dbus_message_get_sender(pointer).map { String(cString: $0) } }
    var path: String? { dbus_message_get_path(pointer).map { String(cString: $0) } }
    var interface: String? { dbus_message_get_interface(pointer).map { String(cString: $0) } }
    var member: String? { dbus_message_get_member(pointer).map { String(cString: $0) } }
    var errorName: String? { dbus_message_get_error_name(pointer).map { String(cString: $0) } }

    /// Sends the message to one connection only (signals are broadcast otherwise).
    func setDestination(_ destination: String) throws {
        try NameValidation.busName(destination)
        guard dbus_message_set_destination(pointer, destination) != 0 else { throw Self.outOfMemory }
    }

    /// Asks the receiver not to reply (used for fire-and-forget bus calls such as `RemoveMatch`).
    func setNoReply() {
        dbus_message_set_no_reply(pointer, 1)
    }

    /// The error an `ERROR` message carries: its name and its first argument if that is a string.
    func asError() -> DBusError {
        let text = (try? arguments())?.first?.asString ?? ""
        return DBusError(DBusErrorName(rawValue: errorName ?? DBusErrorName.failed.rawValue), text)
    }
}
