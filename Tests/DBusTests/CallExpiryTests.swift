import BusTestSupport
import DBus
import TestSupport
import Testing

/// One timer serves every call's time-out on a connection and stays armed after calls are answered; each call
/// still times out when its own time is up, whatever was asked before or beside it.
@Suite("Call time-outs share one timer")
struct CallExpiryTests {
    @Test("a short call after an answered long one times out on its own time, not the long one's")
    func shortAfterLong() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                _ = try await object.call("Echo", [.string("x")], timeout: .seconds(3600))
                let error = try await #require(throws: DBusError.self) {
                    try await withTimeout(.seconds(10)) {
                        try await object.call("Hang", timeout: .milliseconds(200))
                    }
                }
                #expect(error.name == .timeout)
            }
        }
    }

    @Test("calls waiting side by side time out one after another, each on its own time")
    func sideBySide() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let client = object.client
                let timedOut = try await withTimeout(.seconds(10)) {
                    await withTaskGroup(of: Bool.self) { group in
                        for milliseconds in [200, 400, 600] {
                            group.addTask {
                                do {
                                    _ = try await client.call(
                                        destination: TestObject.busName, path: TestObject.path,
                                        interface: TestObject.interface, member: "Hang",
                                        timeout: .milliseconds(milliseconds))
                                    return false
                                } catch {
                                    return (error as? DBusError)?.name == .timeout
                                }
                            }
                        }
                        return await group.reduce(0) { count, timedOut in count + (timedOut ? 1 : 0) }
                    }
                }
                #expect(timedOut == 3)
            }
        }
    }
}
