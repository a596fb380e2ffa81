internal import CDBus

extension Message {
    /// The message in wire format, as libdbus would send it; an unsent message gets serial 1 first, since a
    /// message on the wire always has one.
    func marshalled() throws -> [UInt8] {
        if serial == 0 { dbus_message_set_serial(pointer, 1) }
        var buffer: UnsafeMutablePointer<CChar>?
        var length: Int32 = 0
        guard dbus_message_marshal(pointer, &buffer, &length) != 0, let buffer else { throw Self.outOfMemory }
        defer { dbus_free(buffer) }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            Array(UnsafeBufferPointer(start: $0, count: Int(length)))
        }
    }

    /// Parses wire-format bytes with the same validation libdbus applies to everything it receives (signatures,
    /// UTF-8, nesting, lengths), so hostile bytes can be exercised without a hostile peer.
    static func demarshal(_ bytes: [UInt8]) throws -> Message {
        var error = CDBus.DBusError()
        dbus_error_init(&error)
        defer { dbus_error_free(&error) }
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                dbus_message_demarshal(characters.baseAddress, Int32(clamping: characters.count), &error)
            }
        }
        guard let parsed else {
            throw ConnectionHandle.swiftError(error, fallback: "libdbus rejected the message")
        }
        return Message(adopting: parsed)
    }
}
