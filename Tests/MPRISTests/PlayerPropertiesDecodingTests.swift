import DBus
import MPRIS
import PlaybackModel
import Testing

@Suite("Player properties decoding")
struct PlayerPropertiesDecodingTests {
    @Test("a full GetAll reply decodes")
    func full() {
        let properties = PlayerProperties(decoding: [
            "PlaybackStatus": .variant(.string("Playing")),
            "Metadata": .variant(MetadataDecodingTests.metadata([("xesam:title", .string("T"))])),
            "Position": .variant(.int64(1_500_000)),
            "Rate": .variant(.double(1)),
            "CanSeek": .variant(.boolean(true)),
            "Volume": .variant(.double(0.5)),
        ])
        #expect(
            properties
                == PlayerProperties(
                    status: .playing, metadata: TrackMetadata(title: "T"), position: .milliseconds(1500), rate: 1,
                    canSeek: true
                )
        )
        #expect(!properties.isEmpty)
    }

    @Test(
        "invalid values are left out",
        arguments: [
            ["PlaybackStatus": DBusValue.string("Unknown")], ["PlaybackStatus": .int32(1)],
            ["Position": .int64(-3)], ["Position": .string("3")], ["Rate": .double(0)], ["Rate": .double(-1)],
            ["Rate": .double(.nan)], ["CanSeek": .string("yes")], ["Metadata": .string("none")], ["Volume": .double(1)],
        ]
    )
    func invalid(properties: [String: DBusValue]) {
        #expect(PlayerProperties(decoding: properties).isEmpty)
    }

    @Test("an integer rate is accepted")
    func integerRate() {
        #expect(PlayerProperties(decoding: ["Rate": .int32(2)]).rate == 2)
    }
}
