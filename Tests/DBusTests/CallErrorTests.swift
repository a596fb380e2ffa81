import BusTestSupport
import DBus
import Testing

@Suite("Method calls fail with the right D-Bus error")
struct CallErrorTests {
    @Test func aHandlersErrorArrivesWithItsNameAndMessage() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let error = try await #require(throws: DBusError.self) {
                    try await object.call("Fail", [.string("org.punchplay.Error.Custom"), .string("it broke")])
                }
                #expect(error.name == "org.punchplay.Error.Custom")
                #expect(error.message == "it broke")
            }
        }
    }

    @Test func aSwiftErrorFromAHandlerArrivesAsFailed() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let error = try await #require(throws: DBusError.self) { try await object.call("FailWithSwiftError") }
                #expect(error.name == .failed)
            }
        }
    }

    @Test func anInvalidErrorNameFromAHandlerArrivesAsFailed() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let error = try await #require(throws: DBusError.self) {
                    try await object.call("Fail", [.string("not an error name"), .string("text")])
                }
                #expect(error.name == .failed)
                #expect(error.message == "text")
            }
        }
    }

    @Test func callingAServiceNobodyOwnsIsServiceUnknown() async throws {
        try await PrivateBus.with { bus in
            try await bus.withConnection { connection in
                let error = try await #require(throws: DBusError.self) {
                    try await connection.call(
                        destination: "org.punchplay.Nobody",
                        path: "/",
                        interface: "org.punchplay.Nobody",
                        member: "Hello"
                    )
                }
                #expect(error.name == .serviceUnknown)
            }
        }
    }

    @Test func unknownMethodObjectAndInterfaceHaveTheirOwnNames() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let method = try await #require(throws: DBusError.self) { try await object.call("NoSuchMethod") }
                #expect(method.name == .unknownMethod)
                let path = try await #require(throws: DBusError.self) {
                    try await object.client.call(
                        destination: TestObject.busName,
                        path: "/nowhere",
                        interface: TestObject.interface,
                        member: "Echo"
                    )
                }
                #expect(path.name == .unknownObject)
                let interface = try await #require(throws: DBusError.self) {
                    try await object.client.call(
                        destination: TestObject.busName,
                        path: TestObject.path,
                        interface: "org.punchplay.Other",
                        member: "Echo"
                    )
                }
                #expect(interface.name == .unknownInterface)
            }
        }
    }

    @Test func theOwnerOfAnUnownedNameIsNameHasNoOwner() async throws {
        try await PrivateBus.with { bus in
            try await bus.withConnection { connection in
                let error = try await #require(throws: DBusError.self) {
                    try await connection.nameOwner(of: "org.punchplay.Nobody")
                }
                #expect(error.name == .nameHasNoOwner)
            }
        }
    }

    @Test(arguments: [
        ("not a bus name", "/", "org.a.B", "M"),
        ("org.a.B", "no/slash", "org.a.B", "M"),
        ("org.a.B", "/", "noDots", "M"),
        ("org.a.B", "/", "org.a.B", "bad-member"),
    ])
    func invalidNamesAreRejectedBeforeReachingLibdbus(
        destination: String,
        path: String,
        interface: String,
        member: String
    ) async throws {
        try await PrivateBus.with { bus in
            try await bus.withConnection { connection in
                let error = try await #require(throws: DBusError.self) {
                    try await connection.call(
                        destination: destination, path: path, interface: interface, member: member)
                }
                #expect(error.name == .invalidArgs)
            }
        }
    }
}
