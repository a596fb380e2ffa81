import DBus
import PlaybackModel

extension TrackMetadata {
    /// Decodes an MPRIS `Metadata` dictionary (`a{sv}`) tolerantly: artist as a string or an array, length as
    /// any integer width or a double, track ID as an object path or a string, URL as a URI or a bare path.
    /// Fields with nonsense values (wrong types, negative or absurd lengths, oversized URLs) are left out;
    /// long text is cut. Returns nil when `value` is not a dictionary at all.
    public init?(decoding value: DBusValue) {
        guard let entries = value.stringKeyedEntries else { return nil }
        self.init(
            trackID: entries["mpris:trackid"]?.text.flatMap(Self.bounded(MPRISDecodingLimits.maximumTrackIDLength)),
            title: entries["xesam:title"]?.boundedText,
            url: entries["xesam:url"]?.text.flatMap(Self.bounded(MPRISDecodingLimits.maximumURLLength)),
            length: entries["mpris:length"]?.microseconds.flatMap { $0 > .zero ? $0 : nil },
            artists: entries["xesam:artist"].map(Self.artists) ?? [],
            album: entries["xesam:album"]?.boundedText
        )
    }

    /// `xesam:artist` is an `as` by the specification, a plain string from some players.
    private static func artists(_ value: DBusValue) -> [String] {
        switch value.unwrappedVariant {
        case .array(_, let elements):
            Array(elements.lazy.compactMap(\.boundedText).prefix(MPRISDecodingLimits.maximumArtistCount))
        default:
            value.boundedText.map { [$0] } ?? []
        }
    }

    /// Keeps non-empty text of at most `limit` UTF-8 bytes.
    private static func bounded(_ limit: Int) -> (String) -> String? {
        { text in text.isEmpty || text.utf8.count > limit ? nil : text }
    }
}
