import DBus
import MPRIS
import PlaybackModel
import Testing

@Suite("Metadata decoding")
struct MetadataDecodingTests {
    /// An `a{sv}` dictionary as players send it.
    static func metadata(_ entries: [(String, DBusValue)]) -> DBusValue {
        .dictionary(
            keySignature: "s",
            valueSignature: "v",
            entries.map { DBusDictionaryEntry(key: .string($0.0), value: .variant($0.1)) }
        )
    }

    @Test("mpv's metadata decodes completely")
    func mpv() throws {
        let decoded = try #require(
            TrackMetadata(
                decoding: Self.metadata([
                    ("mpris:trackid", .objectPath("/0")),
                    ("xesam:title", .string("Big Buck Bunny")),
                    ("xesam:url", .string("file:///media/Big%20Buck%20Bunny.mkv")),
                    ("mpris:length", .int64(596_000_000)),
                    ("xesam:artist", .array(elementSignature: "s", [.string("Blender")])),
                    ("xesam:album", .string("Open Movies")),
                    ("xesam:genre", .string("Animation")),
                ])
            )
        )
        #expect(
            decoded
                == TrackMetadata(
                    trackID: "/0", title: "Big Buck Bunny", url: "file:///media/Big%20Buck%20Bunny.mkv",
                    length: .seconds(596), artists: ["Blender"], album: "Open Movies"
                )
        )
    }

    @Test(
        "lengths in any integer width or as a double",
        arguments: [
            DBusValue.int64(5_000_000), .uint64(5_000_000), .int32(5_000_000), .uint32(5_000_000),
            .double(5_000_000), .variant(.int64(5_000_000)),
        ]
    )
    func lengthWidths(length: DBusValue) throws {
        let decoded = try #require(TrackMetadata(decoding: Self.metadata([("mpris:length", length)])))
        #expect(decoded.length == .seconds(5))
    }

    @Test(
        "nonsense lengths are dropped, not trusted",
        arguments: [
            DBusValue.int64(-1), .int64(0), .int64(.max), .uint64(.max), .double(-5), .double(.nan),
            .double(.infinity), .double(1e300), .string("596000000"), .boolean(true),
            .array(elementSignature: "x", [.int64(1)]),
        ]
    )
    func badLengths(length: DBusValue) throws {
        let decoded = try #require(
            TrackMetadata(decoding: Self.metadata([("mpris:length", length), ("xesam:title", .string("kept"))]))
        )
        #expect(decoded.length == nil)
        #expect(decoded.title == "kept")
    }

    @Test("artist as a string or an array, wrong element types skipped")
    func artists() throws {
        let single = try #require(TrackMetadata(decoding: Self.metadata([("xesam:artist", .string("Solo"))])))
        #expect(single.artists == ["Solo"])
        let mixed = try #require(
            TrackMetadata(
                decoding: Self.metadata([
                    ("xesam:artist", .array(elementSignature: "v", [.variant(.string("A")), .int32(3), .string("B")]))
                ])
            )
        )
        #expect(mixed.artists == ["A", "B"])
        let many = try #require(
            TrackMetadata(
                decoding: Self.metadata([
                    ("xesam:artist", .array(elementSignature: "s", (0..<1000).map { .string("artist \($0)") }))
                ])
            )
        )
        #expect(many.artists.count == MPRISDecodingLimits.maximumArtistCount)
    }

    @Test("track ID as an object path or a string; URL as a URI or a bare path")
    func trackIDAndURL() throws {
        let rhythmbox = try #require(
            TrackMetadata(
                decoding: Self.metadata([("mpris:trackid", .string("42")), ("xesam:url", .string("/a/b.mkv"))]))
        )
        #expect(rhythmbox.trackID == "42")
        #expect(rhythmbox.url == "/a/b.mkv")
    }

    @Test("missing title and empty metadata decode to empty fields")
    func missingFields() throws {
        #expect(try #require(TrackMetadata(decoding: Self.metadata([]))) == TrackMetadata())
        let noTitle = try #require(
            TrackMetadata(
                decoding: Self.metadata([("xesam:url", .string("file:///x.mkv")), ("xesam:title", .string(""))]))
        )
        #expect(noTitle.title == nil)
        #expect(noTitle.url == "file:///x.mkv")
    }

    @Test("huge strings are cut (text) or dropped (URL, track ID)")
    func hugeStrings() throws {
        let huge = String(repeating: "x", count: 5_000_000)
        let decoded = try #require(
            TrackMetadata(
                decoding: Self.metadata([
                    ("xesam:title", .string(huge)), ("xesam:url", .string("file:///" + huge)),
                    ("mpris:trackid", .objectPath("/" + huge)), ("xesam:album", .string(huge)),
                ])
            )
        )
        #expect(decoded.title?.count == MPRISDecodingLimits.maximumTextLength)
        #expect(decoded.album?.count == MPRISDecodingLimits.maximumTextLength)
        #expect(decoded.url == nil)
        #expect(decoded.trackID == nil)
    }

    @Test("wrong types for every field are dropped without failing the rest")
    func wrongTypes() throws {
        let decoded = try #require(
            TrackMetadata(
                decoding: Self.metadata([
                    ("xesam:title", .int32(7)), ("xesam:url", .boolean(false)), ("mpris:trackid", .double(1)),
                    ("xesam:artist", .int64(3)), ("xesam:album", .structure([.string("x")])),
                    ("mpris:length", .int64(1_000_000)),
                ])
            )
        )
        #expect(decoded == TrackMetadata(length: .seconds(1)))
    }

    @Test(
        "values that are not a dictionary are not metadata",
        arguments: [
            DBusValue.string("metadata"), .array(elementSignature: "s", []), .int32(1),
            .structure([.string("xesam:title")]),
        ]
    )
    func notADictionary(value: DBusValue) {
        #expect(TrackMetadata(decoding: value) == nil)
    }

    @Test("non-string keys are skipped and the last duplicate wins")
    func keys() throws {
        let value = DBusValue.dictionary(
            keySignature: "v",
            valueSignature: "v",
            [
                DBusDictionaryEntry(key: .int32(1), value: .variant(.string("ignored"))),
                DBusDictionaryEntry(key: .string("xesam:title"), value: .variant(.string("first"))),
                DBusDictionaryEntry(key: .string("xesam:title"), value: .variant(.string("second"))),
            ]
        )
        #expect(try #require(TrackMetadata(decoding: value)).title == "second")
    }
}
