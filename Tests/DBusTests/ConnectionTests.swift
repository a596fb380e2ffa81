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
}
