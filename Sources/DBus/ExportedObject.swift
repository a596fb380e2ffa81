/// What the connection serves at one object path: its interfaces with their current property values.
struct ExportedObject {
    var interfaces: [String: DBusInterface]

    /// The handler for `member`, looked up in `interface` or, when the caller gave none, in any interface.
    func handler(for member: String, in interface: String?) -> Result<DBusMethodHandler, DBusError> {
        if let interface {
            guard let found = interfaces[interface] else {
                return .failure(DBusError(.unknownInterface, "no interface \(interface) here"))
            }
            guard let handler = found.methods[member] else {
                return .failure(DBusError(.unknownMethod, "no method \(member) in \(interface)"))
            }
            return .success(handler)
        }
        for name in interfaces.keys.sorted() {
            if let handler = interfaces[name]?.methods[member] { return .success(handler) }
        }
        return .failure(DBusError(.unknownMethod, "no method \(member) here"))
    }
}
