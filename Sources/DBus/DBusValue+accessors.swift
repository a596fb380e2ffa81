/// Tolerant readers for values sent by peers that do not always use the declared types (players send lengths
/// as `int64`, `uint64`, `int32` or `double`; artists as a string or an array of strings).
extension DBusValue {
    /// The value inside any number of nested variants.
    public var unwrappedVariant: DBusValue {
        var value = self
        while case .variant(let inner) = value { value = inner }
        return value
    }

    /// The text of a string, object path or signature, looking through variants.
    public var asString: String? {
        switch unwrappedVariant {
        case .string(let text), .objectPath(let text), .signature(let text): text
        default: nil
        }
    }

    /// Any integer width as `Int64`; `nil` for other types and for `uint64` values above `Int64.max`.
    public var asInt64: Int64? {
        switch unwrappedVariant {
        case .byte(let number): Int64(number)
        case .int16(let number): Int64(number)
        case .uint16(let number): Int64(number)
        case .int32(let number): Int64(number)
        case .uint32(let number): Int64(number)
        case .int64(let number): number
        case .uint64(let number): Int64(exactly: number)
        default: nil
        }
    }

    /// Any number as `Double` (integers convert, possibly rounding beyond 2^53).
    public var asDouble: Double? {
        if case .double(let number) = unwrappedVariant { return number }
        return asInt64.map(Double.init)
    }

    /// A boolean, looking through variants.
    public var asBool: Bool? {
        if case .boolean(let flag) = unwrappedVariant { return flag }
        return nil
    }

    /// The elements of an array, looking through variants.
    public var asArray: [DBusValue]? {
        if case .array(_, let elements) = unwrappedVariant { return elements }
        return nil
    }

    /// An array of strings or a single string as a list of strings; `nil` if anything else is inside.
    public var asStringList: [String]? {
        if let single = asString { return [single] }
        guard let elements = asArray else { return nil }
        var strings: [String] = []
        for element in elements {
            guard let text = element.asString else { return nil }
            strings.append(text)
        }
        return strings
    }

    /// A dictionary with string keys (such as `a{sv}`) as a Swift dictionary; later duplicates win.
    public var asStringDictionary: [String: DBusValue]? {
        guard case .dictionary(_, _, let entries) = unwrappedVariant else { return nil }
        var result: [String: DBusValue] = [:]
        for entry in entries {
            guard let key = entry.key.asString else { return nil }
            result[key] = entry.value
        }
        return result
    }
}
