#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Tells systemd how the agent is doing (`sd_notify(3)`: READY, STOPPING, WATCHDOG, STATUS) so a
/// `Type=notify` user unit knows when the agent is really up, and its watchdog can restart a hung agent.
/// Without `NOTIFY_SOCKET` (run from a terminal or an autostart entry) there is nothing to tell.
public struct ServiceManagerNotifier: Sendable {
    /// The socket path from `NOTIFY_SOCKET`; a leading `@` names an abstract socket.
    public let socketPath: String
    /// Half of `WATCHDOG_USEC`, when systemd asked for keep-alives and they are meant for this process.
    public let watchdogInterval: Duration?

    /// Reads `NOTIFY_SOCKET`, `WATCHDOG_USEC` and `WATCHDOG_PID`; nil when not started by a service manager.
    public init?(environment: [String: String], processID: Int32 = getpid()) {
        guard let path = environment["NOTIFY_SOCKET"], !path.isEmpty, path.utf8.count < 108 else { return nil }
        guard path.hasPrefix("/") || path.hasPrefix("@") else { return nil }
        socketPath = path
        let watchdogForUs = environment["WATCHDOG_PID"].map { Int32($0) == processID } ?? true
        if watchdogForUs, let text = environment["WATCHDOG_USEC"], let micros = Int64(text), micros > 0 {
            watchdogInterval = .microseconds(micros / 2)
        } else {
            watchdogInterval = nil
        }
    }

    /// Sends one notification datagram, e.g. `[.ready, .status("Watching 2 players")]`.
    /// - Returns: false when the datagram could not be sent (the service manager went away); never throws,
    ///   because failing to notify must not stop the agent.
    @discardableResult
    public func notify(_ states: [ServiceManagerState]) -> Bool {
        let message = states.map(\.assignment).joined(separator: "\n")
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(socketPath.utf8)
        if pathBytes.first == UInt8(ascii: "@") { pathBytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: pathBytes)
        }
        let addressLength = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count)
        let sent = message.utf8CString.withUnsafeBufferPointer { text in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    sendto(
                        descriptor, text.baseAddress, text.count - 1, Int32(MSG_NOSIGNAL), socketAddress, addressLength)
                }
            }
        }
        return sent == message.utf8.count
    }
}
