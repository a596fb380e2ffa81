import BusTestSupport
import DBus
import Testing

@Suite("Every value type survives a round trip through a real bus")
struct ValueRoundTripTests {
    static let samples: [DBusValue] = [
        .byte(0), .byte(255),
        .boolean(true), .boolean(false),
        .int16(.min), .int16(.max), .uint16(.max),
        .int32(.min), .int32(-1), .uint32(.max),
        .int64(.min), .int64(.max), .uint64(.max),
        .double(-0.5), .double(.infinity), .double(1e-300),
        .string(""), .string("Ünïcödé ✓ 🎬"), .string(String(repeating: "x", count: 100_000)),
        .objectPath("/"), .objectPath("/org/mpris/MediaPlayer2"),
        .signature(""), .signature("a{sv}(iay)"),
        .array(elementSignature: "s", []),
        .array(elementSignature: "a{sv}", []),
        .array(elementSignature: "y", [.byte(1), .byte(2)]),
        .array(
            elementSignature: "ai", [.array(elementSignature: "i", [.int32(1)]), .array(elementSignature: "i", [])]),
        .dictionary(keySignature: "s", valueSignature: "v", []),
        .stringVariantDictionary([("title", .string("Movie")), ("length", .variant(.int64(5_000_000)))]),
        .dictionary(
            keySignature: "u",
            valueSignature: "as",
            [DBusDictionaryEntry(key: .uint32(7), value: .stringArray(["a", "b"]))]
        ),
        .structure([.int32(1), .string("two"), .structure([.double(3)])]),
        .variant(.variant(.variant(.string("deep")))),
        .variant(.array(elementSignature: "(so)", [.structure([.string("s"), .objectPath("/o")])])),
    ]

    @Test(arguments: samples)
    func echoReturnsTheSameValue(_ value: DBusValue) async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let reply = try await object.call("Echo", [value])
                #expect(reply == [value])
            }
        }
    }

    @Test func manyArgumentsOfEveryTypeInOneCall() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let reply = try await object.call("Echo", Self.samples)
                #expect(reply == Self.samples)
            }
        }
    }

    @Test func aNoArgumentCallGetsAnEmptyReply() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let reply = try await object.call("Echo")
                #expect(reply.isEmpty)
            }
        }
    }
}
