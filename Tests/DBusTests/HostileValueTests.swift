import BusTestSupport
import Testing

@testable import DBus

@Suite("Malformed and hostile values are errors, never crashes")
struct HostileValueTests {
    static let invalidValues: [DBusValue] = [
        .array(elementSignature: "s", [.int32(1)]),
        .array(elementSignature: "", []),
        .array(elementSignature: "ss", []),
        .array(elementSignature: "{sv}", []),
        .string("nul\0inside"),
        .objectPath("relative/path"),
        .objectPath("/double//slash"),
        .objectPath("/trailing/"),
        .signature("a{"),
        .signature("z"),
        .dictionary(keySignature: "v", valueSignature: "s", []),
        .dictionary(keySignature: "as", valueSignature: "s", []),
        .dictionary(
            keySignature: "s", valueSignature: "v", [DBusDictionaryEntry(key: .int32(1), value: .variant(.byte(1)))]),
        .dictionary(
            keySignature: "s", valueSignature: "i", [DBusDictionaryEntry(key: .string("k"), value: .string("v"))]),
        .structure([]),
        .variant(.structure([])),
        nestedArrays(depth: 33),
        nestedStructures(depth: 33),
        nestedVariants(depth: 65),
    ]

    @Test(arguments: invalidValues)
    func anInvalidValueIsRejectedBeforeSending(_ value: DBusValue) async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let error = try await #require(throws: DBusError.self) { try await object.call("Echo", [value]) }
                #expect(error.name == .invalidArgs)
                let emitError = try await #require(throws: DBusError.self) {
                    try await object.server.emitSignal(
                        path: TestObject.path,
                        interface: TestObject.interface,
                        member: "Ping",
                        arguments: [value]
                    )
                }
                #expect(emitError.name == .invalidArgs)
                let stillWorks = try await object.call("Echo", [.string("alive")])
                #expect(stillWorks == [.string("alive")])
            }
        }
    }

    @Test(arguments: [nestedArrays(depth: 32), nestedStructures(depth: 32), nestedVariants(depth: 64)])
    func nestingAtTheLimitRoundTrips(_ value: DBusValue) async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let reply = try await object.call("Echo", [value])
                #expect(reply == [value])
            }
        }
    }

    @Test func aMessageSignatureLongerThan255CharactersIsRejected() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let arguments = [DBusValue](repeating: .structure([.int32(1), .int32(2)]), count: 64)
                let error = try await #require(throws: DBusError.self) { try await object.call("Echo", arguments) }
                #expect(error.name == .invalidArgs)
            }
        }
    }

    @Test func hugeArraysAndStringsRoundTrip() async throws {
        let numbers = DBusValue.array(elementSignature: "i", (0..<250_000).map { .int32(Int32($0)) })
        let text = DBusValue.string(String(repeating: "🎬", count: 250_000))
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let reply = try await object.call("Echo", [numbers, text], timeout: .seconds(60))
                #expect(reply == [numbers, text])
            }
        }
    }

    @Test func aReplyThatCannotBeEncodedBecomesAnErrorReply() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                try await object.server.export(
                    path: "/bad",
                    interfaces: [
                        DBusInterface(
                            name: "org.punchplay.Bad",
                            methods: ["Reply": { _ in [.array(elementSignature: "s", [.byte(1)])] }]
                        )
                    ]
                )
                let error = try await #require(throws: DBusError.self) {
                    try await object.client.call(
                        destination: TestObject.busName,
                        path: "/bad",
                        interface: "org.punchplay.Bad",
                        member: "Reply"
                    )
                }
                #expect(error.name == .invalidArgs)
            }
        }
    }

    @Test func invalidUTF8OnTheWireIsRejectedByLibdbus() throws {
        var bytes = try marshalledSignal(carrying: "abc\u{E9}")
        let marker = Array("abc".utf8) + [0xC3, 0xA9]
        let start = try #require(bytes.firstRange(of: marker)).lowerBound
        bytes[start + 3] = 0xFF
        bytes[start + 4] = 0xFE
        let error = try #require(throws: DBusError.self) { try Message.demarshal(bytes) }
        #expect(error.message.contains("Bad utf8"))
    }

    @Test func aBodyThatContradictsItsSignatureIsRejectedByLibdbus() throws {
        var bytes = try marshalledSignal(carrying: "text")
        let signatureField = Array([0x01, UInt8(ascii: "s"), 0x00])
        let start = try #require(bytes.firstRange(of: signatureField)).lowerBound
        bytes[start + 1] = UInt8(ascii: "v")
        let error = try #require(throws: DBusError.self) { try Message.demarshal(bytes) }
        #expect(error.message.contains("corrupted"))
    }

    @Test func untouchedWireBytesDecode() throws {
        let bytes = try marshalledSignal(carrying: "abc\u{E9}")
        #expect(try Message.demarshal(bytes).arguments() == [.string("abc\u{E9}")])
    }

    private func marshalledSignal(carrying text: String) throws -> [UInt8] {
        let message = try Message.signal(path: "/a", interface: "org.punchplay.Test", member: "Ping")
        try message.append([.string(text)])
        return try message.marshalled()
    }

    static func nestedArrays(depth: Int) -> DBusValue {
        var value = DBusValue.int32(1)
        for _ in 0..<depth {
            value = .array(elementSignature: value.signature, [value])
        }
        return value
    }

    static func nestedStructures(depth: Int) -> DBusValue {
        var value = DBusValue.int32(1)
        for _ in 0..<depth {
            value = .structure([value])
        }
        return value
    }

    static func nestedVariants(depth: Int) -> DBusValue {
        var value = DBusValue.int32(1)
        for _ in 0..<depth {
            value = .variant(value)
        }
        return value
    }
}
