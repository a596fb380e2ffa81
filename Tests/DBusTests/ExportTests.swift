import BusTestSupport
import DBus
import Foundation
import TestSupport
import Testing

@Suite("Exported objects serve properties, introspection and signals")
struct ExportTests {
    static let properties: [String: DBusValue] = [
        "Identity": .string("Test Player"),
        "Volume": .double(0.5),
        "Rate": .string("not a number"),
    ]

    @Test func getAndGetAllReadTheStoredValues() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus, properties: Self.properties) { object in
                let identity = try await object.client.getProperty(
                    destination: TestObject.busName,
                    path: TestObject.path,
                    interface: TestObject.interface,
                    name: "Identity"
                )
                #expect(identity == .string("Test Player"))
                let all = try await object.client.getAllProperties(
                    destination: TestObject.busName,
                    path: TestObject.path,
                    interface: TestObject.interface
                )
                #expect(all == Self.properties)
            }
        }
    }

    @Test func unknownPropertiesAndInterfacesHaveTheirOwnErrors() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus, properties: Self.properties) { object in
                let property = try await #require(throws: DBusError.self) {
                    try await object.client.getProperty(
                        destination: TestObject.busName,
                        path: TestObject.path,
                        interface: TestObject.interface,
                        name: "Missing"
                    )
                }
                #expect(property.name == .unknownProperty)
                let interface = try await #require(throws: DBusError.self) {
                    try await object.client.getAllProperties(
                        destination: TestObject.busName,
                        path: TestObject.path,
                        interface: "org.punchplay.Missing"
                    )
                }
                #expect(interface.name == .unknownInterface)
            }
        }
    }

    @Test func setChangesAWritablePropertyAndAnnouncesIt() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus, properties: Self.properties) { object in
                let changes = try await object.client.signals(matching: Self.propertiesChanged)
                _ = try await object.client.call(
                    destination: TestObject.busName,
                    path: TestObject.path,
                    interface: "org.freedesktop.DBus.Properties",
                    member: "Set",
                    arguments: [.string(TestObject.interface), .string("Volume"), .variant(.double(0.25))]
                )
                let volume = await object.server.exportedProperty(
                    "Volume",
                    interface: TestObject.interface,
                    path: TestObject.path
                )
                #expect(volume == .double(0.25))
                let signal = try await withTimeout { try await changes.collect(1) }.first
                #expect(
                    signal?.arguments == [
                        .string(TestObject.interface),
                        .stringVariantDictionary([("Volume", .double(0.25))]),
                        .stringArray([]),
                    ]
                )
            }
        }
    }

    @Test func setOnAReadOnlyPropertyIsRefused() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus, properties: Self.properties) { object in
                let error = try await #require(throws: DBusError.self) {
                    try await object.client.call(
                        destination: TestObject.busName,
                        path: TestObject.path,
                        interface: "org.freedesktop.DBus.Properties",
                        member: "Set",
                        arguments: [.string(TestObject.interface), .string("Identity"), .variant(.string("x"))]
                    )
                }
                #expect(error.name == .propertyReadOnly)
            }
        }
    }

    @Test func setPropertiesStoresAndEmitsOneSignalWithEveryChange() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus, properties: Self.properties) { object in
                let changes = try await object.client.signals(matching: Self.propertiesChanged)
                try await object.server.setProperties(
                    ["Identity": .string("Renamed"), "Rate": .int32(7)],
                    interface: TestObject.interface,
                    path: TestObject.path
                )
                let signal = try await withTimeout { try await changes.collect(1) }.first
                #expect(
                    signal?.arguments[1].asStringDictionary == [
                        "Identity": .variant(.string("Renamed")), "Rate": .variant(.int32(7)),
                    ])
                let rate = try await object.client.getProperty(
                    destination: TestObject.busName,
                    path: TestObject.path,
                    interface: TestObject.interface,
                    name: "Rate"
                )
                #expect(rate == .int32(7))
            }
        }
    }

    @Test func introspectionListsInterfacesMethodsPropertiesAndChildren() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus, properties: Self.properties) { object in
                let reply = try await object.client.call(
                    destination: TestObject.busName,
                    path: TestObject.path,
                    interface: "org.freedesktop.DBus.Introspectable",
                    member: "Introspect"
                )
                let xml = try #require(reply.first?.asString)
                #expect(xml.contains(#"<interface name="org.punchplay.Test">"#))
                #expect(
                    xml.contains(
                        #"<method name="Echo"><arg name="text" type="s" direction="in"/>"#
                            + #"<arg name="same" type="s" direction="out"/></method>"#
                    )
                )
                #expect(xml.contains(#"<method name="Fail"/>"#))
                #expect(xml.contains(#"<property name="Volume" type="d" access="readwrite"/>"#))
                #expect(xml.contains(#"<signal name="Ping"><arg type="i"/></signal>"#))
                let parent = try await object.client.call(
                    destination: TestObject.busName,
                    path: "/org/punchplay",
                    interface: "org.freedesktop.DBus.Introspectable",
                    member: "Introspect"
                )
                #expect(parent.first?.asString?.contains(#"<node name="Test"/>"#) == true)
            }
        }
    }

    @Test func anUnexportedObjectIsGone() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                await object.server.unexport(path: TestObject.path)
                let error = try await #require(throws: DBusError.self) { try await object.call("Echo") }
                #expect(error.name == .unknownObject)
            }
        }
    }

    @Test func exportingTwiceAtOnePathIsRefused() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let error = try await #require(throws: DBusError.self) {
                    try await object.server.export(path: TestObject.path, interfaces: [])
                }
                #expect(error.name == .invalidArgs)
            }
        }
    }

    @Test func nameOwnershipIsVisibleOnTheBus() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let owner = try await object.client.nameOwner(of: TestObject.busName)
                #expect(owner == (await object.server.uniqueName))
                #expect(try await object.client.listNames().contains(TestObject.busName))
                #expect(try await object.client.requestName(TestObject.busName) == .exists)
                #expect(try await object.server.releaseName(TestObject.busName) == .released)
                #expect(try await object.server.releaseName(TestObject.busName) == .nonExistent)
            }
        }
    }

    @Test func theBusTellsWhichUserIsCalling() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let caller = await object.client.uniqueName
                #expect(try await object.server.unixUser(of: caller) == getuid())
                let gone = try await #require(throws: DBusError.self) {
                    try await object.server.unixUser(of: ":1.9999")
                }
                #expect(gone.name == .nameHasNoOwner)
            }
        }
    }

    static let propertiesChanged = MatchRule(
        interface: "org.freedesktop.DBus.Properties",
        member: "PropertiesChanged",
        path: TestObject.path
    )
}
