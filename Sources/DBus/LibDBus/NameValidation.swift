internal import CDBus

/// Checks names before they reach libdbus, whose constructors abort the process on invalid input; each check
/// uses libdbus's own non-aborting validator so the rules match exactly.
enum NameValidation {
    static func busName(_ name: String) throws {
        try check(name, "bus name", dbus_validate_bus_name)
    }

    static func objectPath(_ path: String) throws {
        try check(path, "object path", dbus_validate_path)
    }

    static func interface(_ name: String) throws {
        try check(name, "interface name", dbus_validate_interface)
    }

    static func member(_ name: String) throws {
        try check(name, "member name", dbus_validate_member)
    }

    static func errorName(_ name: String) throws {
        try check(name, "error name", dbus_validate_error_name)
    }

    /// A signature of any number of complete types (a message body or the `g` type).
    static func signature(_ signature: String) throws {
        guard !signature.utf8.contains(0), dbus_signature_validate(signature, nil) != 0 else {
            throw DBusError(.invalidArgs, "invalid signature \(quoted(signature))")
        }
    }

    /// A signature of exactly one complete type (array elements, variant contents).
    static func singleCompleteType(_ signature: String) throws {
        guard !signature.utf8.contains(0), dbus_signature_validate_single(signature, nil) != 0 else {
            throw DBusError(.invalidArgs, "\(quoted(signature)) is not a single complete type (or nests too deeply)")
        }
    }

    /// Whether `code` is a basic type (allowed as a dictionary key).
    static func isBasicType(_ signature: String) -> Bool {
        guard signature.utf8.count == 1, let code = signature.utf8.first else { return false }
        return dbus_type_is_basic(Int32(code)) != 0
    }

    /// The text quoted and escaped for an error message, cut short so a hostile megabyte stays out of logs.
    static func quoted(_ text: String) -> String {
        let limit = 80
        return text.count <= limit ? text.debugDescription : String(text.prefix(limit)).debugDescription + "…"
    }

    private static func check(
        _ text: String,
        _ what: String,
        _ validator: (UnsafePointer<CChar>?, UnsafeMutablePointer<CDBus.DBusError>?) -> dbus_bool_t
    ) throws {
        guard !text.utf8.contains(0), validator(text, nil) != 0 else {
            throw DBusError(.invalidArgs, "invalid \(what) \(quoted(text))")
        }
    }
}
