/// A D-Bus value of any type, as a tree, so variants and dictionaries of unknown shape can be decoded and
/// inspected safely without trusting the sender's declared types. Only a variant holds its value in a box of its
/// own; the other cases are stored inline (containers keep theirs in arrays), so decoding a value costs no
/// allocation beyond its strings and arrays.
public enum DBusValue: Sendable, Hashable {
    case byte(UInt8)
    case boolean(Bool)
    case int16(Int16)
    case uint16(UInt16)
    case int32(Int32)
    case uint32(UInt32)
    case int64(Int64)
    case uint64(UInt64)
    case double(Double)
    case string(String)
    case objectPath(String)
    case signature(String)
    /// An array whose elements all have `elementSignature` (kept so empty arrays still encode correctly).
    case array(elementSignature: String, [DBusValue])
    /// A dictionary `a{kv}`, in the order the message carried the entries.
    case dictionary(keySignature: String, valueSignature: String, [DBusDictionaryEntry])
    case structure([DBusValue])
    indirect case variant(DBusValue)
}

/// One entry of a D-Bus dictionary; a pair type so dictionaries can keep their wire order and duplicates.
public struct DBusDictionaryEntry: Sendable, Hashable {
    public var key: DBusValue
    public var value: DBusValue

    public init(key: DBusValue, value: DBusValue) {
        self.key = key
        self.value = value
    }
}
