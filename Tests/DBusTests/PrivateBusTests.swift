import BusTestSupport
import DBus
import Foundation
import Testing

@Suite("The private test bus starts and always goes away")
struct PrivateBusTests {
    struct Expected: Error {}

    @Test func theDaemonAndItsDirectoryAreGoneAfterTheScope() async throws {
        let bus = try await PrivateBus.with { bus in bus }
        #expect(kill(bus.processID, 0) == -1 && errno == ESRCH)
        #expect(!FileManager.default.fileExists(atPath: bus.directory.path))
    }

    @Test func aThrowingBodyStillTearsTheBusDown() async throws {
        let captured = Captured()
        await #expect(throws: Expected.self) {
            try await PrivateBus.with { bus in
                await captured.set(bus)
                throw Expected()
            }
        }
        let bus = try #require(await captured.bus)
        #expect(kill(bus.processID, 0) == -1 && errno == ESRCH)
        #expect(!FileManager.default.fileExists(atPath: bus.directory.path))
    }

    @Test func aBusForAnyUserIsReachableThroughAnOpenDirectory() async throws {
        try await PrivateBus.with(allowingAnyUser: true) { bus in
            let attributes = try FileManager.default.attributesOfItem(atPath: bus.directory.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o755)
            let configuration = try String(
                contentsOf: bus.directory.appendingPathComponent("bus.conf"),
                encoding: .utf8
            )
            #expect(configuration.contains(#"<allow user="*"/>"#))
            try await bus.withConnection { connection in
                let names = try await connection.listNames()
                #expect(names.contains("org.freedesktop.DBus"))
            }
        }
    }

    @Test func aDefaultBusAdmitsOnlyItsOwner() async throws {
        try await PrivateBus.with { bus in
            let attributes = try FileManager.default.attributesOfItem(atPath: bus.directory.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o700)
            let configuration = try String(
                contentsOf: bus.directory.appendingPathComponent("bus.conf"),
                encoding: .utf8
            )
            #expect(!configuration.contains("user="))
        }
    }

    /// Carries the bus out of a throwing scope.
    actor Captured {
        var bus: PrivateBus?
        func set(_ bus: PrivateBus) { self.bus = bus }
    }
}
