import Dispatch
import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A datagram socket standing in for systemd's `NOTIFY_SOCKET`: every message the agent sends arrives on
/// `messages`, read by a blocking `recv` on a dispatch thread, so tests wait for READY=1 instead of sleeping.
final class NotifySocket: Sendable {
    let path: String
    let messages: StreamRecorder<String>

    init(in directory: TemporaryDirectory) throws {
        path = directory.file("notify.sock")
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestSupportError("socket() failed with errno \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            Glibc.close(descriptor)
            throw TestSupportError("bind \(path) failed with errno \(errno)")
        }
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        messages = StreamRecorder(stream)
        DispatchQueue.global().async {
            defer {
                continuation.finish()
                Glibc.close(descriptor)
            }
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(descriptor, &buffer, buffer.count, 0)
                guard count > 0 else { return }
                continuation.yield(String(decoding: buffer[..<count], as: UTF8.self))
            }
        }
    }

    /// Ends the reader with an empty datagram (`recv` returns 0) and removes the socket file.
    func close() {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let sender = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(sender, nil, 0, 0, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        Glibc.close(sender)
        unlink(path)
    }
}
