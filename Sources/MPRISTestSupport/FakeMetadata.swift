import DBus

/// Builds an MPRIS `Metadata` dictionary for `FakePlayer` as a well-behaved player sends it, or with any entry
/// of any type for misbehaving ones.
public struct FakeMetadata: Sendable, Hashable {
    /// The entries, by key; values are sent inside variants.
    public var entries: [String: DBusValue]

    public init(_ entries: [String: DBusValue]) {
        self.entries = entries
    }

    /// A typical track: object-path track ID, title, `file://` URL, length in µs, optional artist.
    public init(trackID: String = "/0", title: String?, url: String?, length: Duration?, artist: String? = nil) {
        var entries: [String: DBusValue] = ["mpris:trackid": .objectPath(trackID)]
        if let title { entries["xesam:title"] = .string(title) }
        if let url { entries["xesam:url"] = .string(url) }
        if let length { entries["mpris:length"] = .int64(length.wholeMicroseconds) }
        if let artist { entries["xesam:artist"] = .array(elementSignature: "s", [.string(artist)]) }
        self.entries = entries
    }

    /// The `a{sv}` value as sent on the bus, keys sorted.
    public var value: DBusValue {
        .dictionary(
            keySignature: "s",
            valueSignature: "v",
            entries.sorted { $0.key < $1.key }.map {
                DBusDictionaryEntry(key: .string($0.key), value: .variant($0.value))
            }
        )
    }
}
