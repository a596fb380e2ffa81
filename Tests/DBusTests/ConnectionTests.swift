import BusTestSupport
import DBus
import Testing

@Suite("Connecting to a private bus")
struct ConnectionTests {
    @Test func connectsAndListsItsOwnName() async throws {
        try await PrivateBus.with { bus in
            let connection = try await bus.connect()
            let name = await connection.uniqueName
            #expect(name.hasPrefix(":"))
            let names = try await connection.listNames()
            #expect(names.contains(name))
            #expect(names.contains("org.freedesktop.DBus"))
            await connection.close()
        }
    }

    @Test func aMalformedAddressIsBadAddress() async throws {
        let error = try await #require(throws: DBusError.self) {
            try await DBusConnection.connect(address: "not an address")
        }
        #expect(error.name == .badAddress)
    }

    @Test func aSocketNobodyListensOnIsAnErrorNotACrash() async throws {
        let error = try await #require(throws: DBusError.self) {
            try await DBusConnection.connect(address: "unix:path=/nonexistent/punchplay-bus")
        }
        #expect(!error.message.isEmpty)
    }

    @Test func twoConnectionsGetDifferentUniqueNames() async throws {
        try await PrivateBus.with { bus in
            try await bus.withConnection { first in
                try await bus.withConnection { second in
                    let firstName = await first.uniqueName
                    let secondName = await second.uniqueName
                    #expect(firstName != secondName)
                    let owner = try await first.nameOwner(of: secondName)
                    #expect(owner == secondName)
                }
            }
        }
    }
}
