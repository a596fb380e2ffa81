internal import CDBus

extension Message {
    /// Decodes the whole body. libdbus has already validated the message on receipt (signature, UTF-8, nesting,
    /// lengths); what remains is types `DBusValue` cannot hold (Unix file descriptors), which throw
    /// ``DBusErrorName/inconsistentMessage`` rather than trap.
    func arguments() throws -> [DBusValue] {
        var iterator = DBusMessageIter()
        guard dbus_message_iter_init(pointer, &iterator) != 0 else { return [] }
        return try Self.decodeSequence(&iterator, depth: 0)
    }

    private static func decodeSequence(_ iterator: inout DBusMessageIter, depth: Int) throws -> [DBusValue] {
        var values: [DBusValue] = []
        while dbus_message_iter_get_arg_type(&iterator) != TypeCode.invalid {
            values.append(try decode(&iterator, depth: depth))
            dbus_message_iter_next(&iterator)
        }
        return values
    }

    static func decode(_ iterator: inout DBusMessageIter, depth: Int) throws -> DBusValue {
        guard depth <= maximumContainerDepth else {
            throw DBusError(.inconsistentMessage, "value nests deeper than \(maximumContainerDepth) containers")
        }
        let type = dbus_message_iter_get_arg_type(&iterator)
        switch type {
        case TypeCode.byte: return .byte(basic(&iterator, UInt8.self))
        case TypeCode.boolean: return .boolean(basic(&iterator, dbus_bool_t.self) != 0)
        case TypeCode.int16: return .int16(basic(&iterator, Int16.self))
        case TypeCode.uint16: return .uint16(basic(&iterator, UInt16.self))
        case TypeCode.int32: return .int32(basic(&iterator, Int32.self))
        case TypeCode.uint32: return .uint32(basic(&iterator, UInt32.self))
        case TypeCode.int64: return .int64(basic(&iterator, Int64.self))
        case TypeCode.uint64: return .uint64(basic(&iterator, UInt64.self))
        case TypeCode.double: return .double(basic(&iterator, Double.self))
        case TypeCode.string: return .string(try text(&iterator))
        case TypeCode.objectPath: return .objectPath(try text(&iterator))
        case TypeCode.signature: return .signature(try text(&iterator))
        case TypeCode.array: return try decodeArray(&iterator, depth: depth)
        case TypeCode.structure:
            var inner = DBusMessageIter()
            dbus_message_iter_recurse(&iterator, &inner)
            return .structure(try decodeSequence(&inner, depth: depth + 1))
        case TypeCode.variant:
            var inner = DBusMessageIter()
            dbus_message_iter_recurse(&iterator, &inner)
            guard dbus_message_iter_get_arg_type(&inner) != TypeCode.invalid else {
                throw DBusError(.inconsistentMessage, "empty variant")
            }
            return .variant(try decode(&inner, depth: depth + 1))
        default:
            let code = Unicode.Scalar(UInt8(truncatingIfNeeded: type))
            throw DBusError(.inconsistentMessage, "unsupported D-Bus type \"\(Character(code))\"")
        }
    }

    private static func decodeArray(_ iterator: inout DBusMessageIter, depth: Int) throws -> DBusValue {
        let arraySignature = try signature(&iterator)
        let elementSignature = String(arraySignature.dropFirst())
        var inner = DBusMessageIter()
        dbus_message_iter_recurse(&iterator, &inner)
        guard dbus_message_iter_get_element_type(&iterator) == TypeCode.dictionaryEntry else {
            return .array(elementSignature: elementSignature, try decodeSequence(&inner, depth: depth + 1))
        }
        let entrySignature = elementSignature.dropFirst().dropLast()
        guard let keyCharacter = entrySignature.first else {
            throw DBusError(.inconsistentMessage, "malformed dictionary signature \"\(arraySignature)\"")
        }
        var entries: [DBusDictionaryEntry] = []
        while dbus_message_iter_get_arg_type(&inner) != TypeCode.invalid {
            var pair = DBusMessageIter()
            dbus_message_iter_recurse(&inner, &pair)
            let fields = try decodeSequence(&pair, depth: depth + 2)
            guard fields.count == 2 else {
                throw DBusError(.inconsistentMessage, "dictionary entry with \(fields.count) fields")
            }
            entries.append(DBusDictionaryEntry(key: fields[0], value: fields[1]))
            dbus_message_iter_next(&inner)
        }
        return .dictionary(
            keySignature: String(keyCharacter),
            valueSignature: String(entrySignature.dropFirst()),
            entries
        )
    }

    private static func basic<Number: FixedWidthInteger>(_ iterator: inout DBusMessageIter, _: Number.Type)
        -> Number
    {
        var number = Number.zero
        dbus_message_iter_get_basic(&iterator, &number)
        return number
    }

    private static func basic(_ iterator: inout DBusMessageIter, _: Double.Type) -> Double {
        var number = 0.0
        dbus_message_iter_get_basic(&iterator, &number)
        return number
    }

    static func text(_ iterator: inout DBusMessageIter) throws -> String {
        var characters: UnsafePointer<CChar>?
        dbus_message_iter_get_basic(&iterator, &characters)
        guard let characters, let text = String(validatingCString: characters) else {
            throw DBusError(.inconsistentMessage, "string is not valid UTF-8")
        }
        return text
    }

    private static func signature(_ iterator: inout DBusMessageIter) throws -> String {
        guard let characters = dbus_message_iter_get_signature(&iterator) else { throw outOfMemory }
        defer { dbus_free(characters) }
        return String(cString: characters)
    }
}
