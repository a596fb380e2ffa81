#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where finished log lines go. A protocol so tests can collect lines instead of writing to standard error.
public protocol LogSink: Sendable {
    /// Writes one complete line (without its newline).
    func write(line: String)
}

/// Writes each line to standard error with a single `write(2)`, so lines from concurrent tasks never
/// interleave mid-line (writes up to `PIPE_BUF` bytes to a pipe are atomic).
public struct StandardErrorSink: LogSink {
    public init() {}

    public func write(line: String) {
        var bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}
