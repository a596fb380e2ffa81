import DBus

/// The MPRIS-specific readers on top of DBus's tolerant accessors: text that must be a string or an object
/// path, dictionaries that skip (rather than reject) entries with odd keys, durations in microseconds with
/// sanity bounds, and text cut to a bound.
extension DBusValue {
    /// A string or object path, as players use both for the same fields (a signature is not text).
    var text: String? {
        switch unwrappedVariant {
        case .string(let text), .objectPath(let text): text
        default: nil
        }
    }

    /// The entries of an `a{s*}` dictionary keyed by string; entries with other keys are skipped and later
    /// duplicates win. Nil for anything that is not a dictionary.
    var stringKeyedEntries: [String: DBusValue]? {
        guard case .dictionary(_, _, let entries) = unwrappedVariant else { return nil }
        var result: [String: DBusValue] = [:]
        for entry in entries {
            guard case .string(let key) = entry.key.unwrappedVariant else { continue }
            result[key] = entry.value
        }
        return result
    }

    /// A duration in microseconds (`mpris:length`, `Position`, `Seeked`): any integer width or a double;
    /// nil when negative, not finite or beyond `MPRISDecodingLimits.maximumDuration`.
    var microseconds: Duration? {
        let duration: Duration
        if case .double(let number) = unwrappedVariant {
            guard number.isFinite, number >= 0, number <= Double(Int64.max) else { return nil }
            duration = .microseconds(number)
        } else if let number = asInt64, number >= 0 {
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
