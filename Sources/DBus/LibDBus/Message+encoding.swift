internal import CDBus

extension Message {
    /// The deepest nesting of containers, variants included, that libdbus accepts in a message body.
    static let maximumContainerDepth = 64

    /// Appends `values` to the body. Every value is checked first (types consistent with declared signatures,
    /// valid paths and signatures, no NUL in strings, nesting within limits), because libdbus aborts the process
    /// when handed invalid data; an invalid value throws ``DBusErrorName/invalidArgs`` and appends nothing.
    func append(_ values: [DBusValue]) throws {
        for value in values {
            try Self.validate(value, depth: 0)
        }
        try NameValidation.signature(values.map(\.signature).joined())
        var iterator = DBusMessageIter()
        dbus_message_iter_init_append(pointer, &iterator)
        for value in values {
            try Self.append(value, to: &iterator)
        }
    }

    private static func validate(_ value: DBusValue, depth: Int) throws {
        guard depth <= maximumContainerDepth else {
            throw DBusError(.invalidArgs, "value nests deeper than \(maximumContainerDepth) containers")
        }
        switch value {
        case .byte, .boolean, .int16, .uint16, .int32, .uint32, .int64, .uint64, .double:
            return
        case .string(let text):
            guard !text.utf8.contains(0) else { throw DBusError(.invalidArgs, "string contains a NUL character") }
        case .objectPath(let path):
            try NameValidation.objectPath(path)
        case .signature(let signature):
            try NameValidation.signature(signature)
        case .array(let elementSignature, let elements):
            try NameValidation.singleCompleteType(elementSignature)
            for element in elements {
                try expect(element, toHave: elementSignature, in: "array")
                try validate(element, depth: depth + 1)
            }
        case .dictionary(let keySignature, let valueSignature, let entries):
            guard NameValidation.isBasicType(keySignature) else {
                throw DBusError(.invalidArgs, "dictionary key type \"\(keySignature)\" is not a basic type")
            }
            try NameValidation.singleCompleteType(valueSignature)
            for entry in entries {
                try expect(entry.key, toHave: keySignature, in: "dictionary key")
                try expect(entry.value, toHave: valueSignature, in: "dictionary value")
                try validate(entry.key, depth: depth + 2)
                try validate(entry.value, depth: depth + 2)
            }
        case .structure(let fields):
            guard !fields.isEmpty else { throw DBusError(.invalidArgs, "a structure needs at least one field") }
            for field in fields {
                try validate(field, depth: depth + 1)
            }
        case .variant(let inner):
            try validate(inner, depth: depth + 1)
        }
        try NameValidation.singleCompleteType(value.signature)
    }

    private static func expect(_ value: DBusValue, toHave signature: String, in container: String) throws {
        guard value.signature == signature else {
            throw DBusError(.invalidArgs, "\(container) declared \"\(signature)\" but holds \"\(value.signature)\"")
        }
    }

    private static func append(_ value: DBusValue, to iterator: inout DBusMessageIter) throws {
        switch value {
        case .byte(let number): try appendBasic(number, TypeCode.byte, &iterator)
        case .boolean(let flag): try appendBasic(dbus_bool_t(flag ? 1 : 0), TypeCode.boolean, &iterator)
        case .int16(let number): try appendBasic(number, TypeCode.int16, &iterator)
        case .uint16(let number): try appendBasic(number, TypeCode.uint16, &iterator)
        case .int32(let number): try appendBasic(number, TypeCode.int32, &iterator)
        case .uint32(let number): try appendBasic(number, TypeCode.uint32, &iterator)
        case .int64(let number): try appendBasic(number, TypeCode.int64, &iterator)
        case .uint64(let number): try appendBasic(number, TypeCode.uint64, &iterator)
        case .double(let number): try appendBasic(number, TypeCode.double, &iterator)
        case .string(let text): try appendText(text, TypeCode.string, &iterator)
        case .objectPath(let path): try appendText(path, TypeCode.objectPath, &iterator)
        case .signature(let signature): try appendText(signature, TypeCode.signature, &iterator)
        case .array(let elementSignature, let elements):
            try appendContainer(TypeCode.array, elementSignature, &iterator) { inner in
                for element in elements { try append(element, to: &inner) }
            }
        case .dictionary(let keySignature, let valueSignature, let entries):
            try appendContainer(TypeCode.array, "{\(keySignature)\(valueSignature)}", &iterator) { inner in
                for entry in entries {
                    try appendContainer(TypeCode.dictionaryEntry, nil, &inner) { pair in
                        try append(entry.key, to: &pair)
                        try append(entry.value, to: &pair)
                    }
                }
            }
        case .structure(let fields):
            try appendContainer(TypeCode.structure, nil, &iterator) { inner in
                for field in fields { try append(field, to: &inner) }
            }
        case .variant(let inner):
            try appendContainer(TypeCode.variant, inner.signature, &iterator) { contents in
                try append(inner, to: &contents)
            }
        }
    }

    private static func appendBasic<Number: BitwiseCopyable>(
        _ number: Number, _ type: Int32, _ iterator: inout DBusMessageIter
    )
        throws
    {
        var number = number
        guard dbus_message_iter_append_basic(&iterator, type, &number) != 0 else { throw outOfMemory }
    }

    private static func appendText(_ text: String, _ type: Int32, _ iterator: inout DBusMessageIter) throws {
        let appended = text.withCString { characters in
            var pointer: UnsafePointer<CChar>? = characters
            return dbus_message_iter_append_basic(&iterator, type, &pointer)
        }
        guard appended != 0 else { throw outOfMemory }
    }

    private static func appendContainer(
        _ type: Int32,
        _ contentSignature: String?,
        _ iterator: inout DBusMessageIter,
        _ body: (inout DBusMessageIter) throws -> Void
    ) throws {
        var inner = DBusMessageIter()
        guard dbus_message_iter_open_container(&iterator, type, contentSignature, &inner) != 0 else {
            throw outOfMemory
        }
        do {
            try body(&inner)
        } catch {
            dbus_message_iter_abandon_container(&iterator, &inner)
            throw error
        }
        guard dbus_message_iter_close_container(&iterator, &inner) != 0 else { throw outOfMemory }
    }
}
