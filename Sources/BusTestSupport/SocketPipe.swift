import Foundation

/// A connected pair of sockets used as a pipe, created close-on-exec in one step (`pipe2` is not visible from
/// Swift), so tests spawning processes in parallel never leak each other's ends.
struct SocketPipe {
    let readEnd: Int32
    let writeEnd: Int32

    init() throws {
        var ends: [Int32] = [0, 0]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &ends) == 0 else {
            throw DaemonProcess.Failure(description: "socketpair failed: errno \(errno)")
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    /// Blocking: reads one line from the read end, without its newline; what there is at end of stream.
    func readLine() -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(readEnd, &byte, 1)
            if count == 1 {
                if byte == UInt8(ascii: "\n") { break }
                bytes.append(byte)
            } else if count == -1, errno == EINTR {
                continue
            } else {
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
