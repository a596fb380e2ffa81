import DBus

/// Tolerant readers for the loosely typed values players send: variants are looked through and every integer
/// width is accepted where a number is expected.
extension DBusValue {
    /// The value inside any number of variant wrappers.
    var unwrapped: DBusValue {
        var value = self
        while case .variant(let inner) = value { value = inner }
        return value
    }

    /// A string or object path, as players use both for the same fields.
    var text: String? {
        switch unwrapped {
        case .string(let text), .objectPath(let text): text
        default: nil
        }
    }

    /// Any integer width as an `Int64`; nil for other types and for unsigned values beyond `Int64.max`.
    var integer: Int64? {
        switch unwrapped {
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

    /// A double, or any integer width converted to one.
    var number: Double? {
        if case .double(let number) = unwrapped { return number }
        return integer.map(Double.init)
    }

    var boolean: Bool? {
        if case .boolean(let flag) = unwrapped { return flag }
        return nil
    }

    /// The entries of an `a{s*}` dictionary keyed by string (later duplicates win); nil for anything else.
    var stringKeyedEntries: [String: DBusValue]? {
        guard case .dictionary(_, _, let entries) = unwrapped else { return nil }
        var result: [String: DBusValue] = [:]
        for entry in entries {
            guard case .string(let key) = entry.key.unwrapped else { continue }
            result[key] = entry.value
        }
        return result
    }

    /// A duration in microseconds (`mpris:length`, `Position`, `Seeked`): any integer width or a double;
    /// nil when negative, not finite or beyond `MPRISDecodingLimits.maximumDuration`.
    var microseconds: Duration? {
        let duration: Duration
        if case .double(let number) = unwrapped {
            guard number.isFinite, number >= 0, number <= Double(Int64.max) else { return nil }
            duration = .microseconds(number)
        } else if let number = integer, number >= 0 {
            duration = .microseconds(number)
        } else {
            return nil
        }
        return duration <= MPRISDecodingLimits.maximumDuration ? duration : nil
    }

    /// Non-empty text cut to `MPRISDecodingLimits.maximumTextLength` characters.
    var boundedText: String? {
        guard let text, !text.isEmpty else { return nil }
        return text.count > MPRISDecodingLimits.maximumTextLength
            ? String(text.prefix(MPRISDecodingLimits.maximumTextLength)) : text
    }
}

extension DBusValue {
    /// The elements of an array, looking through variants.
    var arrayElements: [DBusValue]? {
        if case .array(_, let elements) = unwrapped { return elements }
        return nil
    }
}
