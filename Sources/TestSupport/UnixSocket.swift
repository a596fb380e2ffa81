import Foundation

/// A blocking Unix stream socket with send and receive timeouts, just enough for a line-based protocol such as
/// mpv's IPC.
public struct UnixSocket {
    private let descriptor: Int32
    private var buffer = Data()

    /// Blocking: connects to `path`; reads and writes give up after `timeout`.
    public init(path: String, timeout: Duration) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestSupportError("socket() failed with errno \(errno)") }
        var limit = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            Glibc.close(descriptor)
            throw TestSupportError("socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: pathBytes) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let error = errno
            Glibc.close(descriptor)
            throw TestSupportError("connecting to \(path) failed with errno \(error)")
        }
    }

    /// Blocking: sends all of `data`.
    public func write(_ data: Data) throws {
        var offset = 0
        while offset < data.count {
            let written = data[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
            guard written > 0 else { throw TestSupportError("writing to the socket failed with errno \(errno)") }
            offset += written
        }
    }

    /// The next newline-terminated line without its newline; nil at end of stream.
    public mutating func readLine() throws -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                return Data(line)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = recv(descriptor, &chunk, chunk.count, 0)
            guard count >= 0 else { throw TestSupportError("reading from the socket failed with errno \(errno)") }
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    /// Closes the socket; call it once.
    public func close() {
        Glibc.close(descriptor)
    }
}
