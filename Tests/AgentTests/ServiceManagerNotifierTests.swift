import Agent
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A datagram socket standing in for systemd's notification socket.
private struct NotificationSocket: ~Copyable {
    let path: String
    let descriptor: Int32

    init() throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("notify-\(UUID().uuidString.prefix(8)).sock").path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        #expect(result == 0)
    }

    func receive() -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
    }

    deinit {
        close(descriptor)
        unlink(path)
    }
}

@Suite("Service manager notifications")
struct ServiceManagerNotifierTests {
    @Test("no NOTIFY_SOCKET means nothing to notify")
    func absentWithoutSocket() {
        #expect(ServiceManagerNotifier(environment: [:]) == nil)
        #expect(ServiceManagerNotifier(environment: ["NOTIFY_SOCKET": "relative/path"]) == nil)
    }

    @Test("READY and STATUS arrive as one datagram")
    func readyWithStatus() throws {
        let socket = try NotificationSocket()
        let notifier = try #require(ServiceManagerNotifier(environment: ["NOTIFY_SOCKET": socket.path]))
        #expect(notifier.notify([.ready, .status("Watching 2\nplayers")]))
        #expect(socket.receive() == "READY=1\nSTATUS=Watching 2 players")
        #expect(notifier.notify([.stopping]))
        #expect(socket.receive() == "STOPPING=1")
    }

    @Test("the watchdog interval is half of WATCHDOG_USEC, only for our pid")
    func watchdogInterval() throws {
        let ours = ServiceManagerNotifier(
            environment: ["NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "42"],
            processID: 42)
        #expect(ours?.watchdogInterval == .seconds(15))
        let theirs = ServiceManagerNotifier(
            environment: ["NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "7"],
            processID: 42)
        #expect(theirs?.watchdogInterval == nil)
    }

    @Test("a vanished service manager is reported, not thrown")
    func vanishedSocket() {
        let notifier = ServiceManagerNotifier(environment: ["NOTIFY_SOCKET": "/nonexistent/notify.sock"])
        #expect(notifier?.notify([.watchdog]) == false)
    }
}
