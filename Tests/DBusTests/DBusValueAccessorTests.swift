import DBus
import Testing

@Suite("Tolerant value readers")
struct DBusValueAccessorTests {
    @Test(arguments: [
        (DBusValue.byte(7), Int64(7)), (.int16(-7), -7), (.uint16(7), 7), (.int32(-7), -7), (.uint32(7), 7),
        (.int64(-7), -7), (.uint64(7), 7), (.variant(.variant(.int32(3))), 3),
    ])
    func everyIntegerWidthReadsAsInt64(_ value: DBusValue, _ expected: Int64) {
        #expect(value.asInt64 == expected)
        #expect(value.asDouble == Double(expected))
    }

    @Test func nonIntegersAndOverflowingUnsignedAreNotInt64() {
        #expect(DBusValue.uint64(.max).asInt64 == nil)
        #expect(DBusValue.double(1.5).asInt64 == nil)
        #expect(DBusValue.string("1").asInt64 == nil)
        #expect(DBusValue.double(1.5).asDouble == 1.5)
    }

    @Test func stringsPathsAndSignaturesReadAsStrings() {
        #expect(DBusValue.variant(.string("a")).asString == "a")
        #expect(DBusValue.objectPath("/a").asString == "/a")
        #expect(DBusValue.signature("s").asString == "s")
        #expect(DBusValue.int32(1).asString == nil)
    }

    @Test func stringListsAcceptASingleStringOrAnArrayOfStrings() {
        #expect(DBusValue.string("one").asStringList == ["one"])
        #expect(DBusValue.stringArray(["a", "b"]).asStringList == ["a", "b"])
        #expect(DBusValue.array(elementSignature: "i", [.int32(1)]).asStringList == nil)
        #expect(DBusValue.variant(.array(elementSignature: "v", [.variant(.string("x"))])).asStringList == ["x"])
    }

    @Test func stringDictionariesKeepTheLastDuplicate() {
        let value = DBusValue.stringVariantDictionary([("k", .int32(1)), ("k", .int32(2))])
        #expect(value.asStringDictionary == ["k": .variant(.int32(2))])
        #expect(DBusValue.int32(1).asStringDictionary == nil)
    }

    @Test func signaturesDescribeNestedValues() {
        #expect(DBusValue.stringVariantDictionary([]).signature == "a{sv}")
        #expect(DBusValue.structure([.int32(1), .array(elementSignature: "y", [])]).signature == "(iay)")
        #expect(DBusValue.variant(.int32(1)).signature == "v")
        #expect(DBusValue.boolean(true).asBool == true)
    }
}
