import Foundation

/// A named pipe a test writes lines into and a child process reads as its standard input, so a test can
/// script a long-running command step by step.
public final class FIFOLineWriter: Sendable {
    /// The pipe's path, to give the child as its input.
    public let path: String
    private let descriptor: Int32

    /// Creates the pipe at `path` and opens it for writing without waiting for a reader (read-write open,
    /// which Linux allows for pipes), so spawning the reader never blocks.
    public init(path: String) throws {
        guard mkfifo(path, 0o600) == 0 else { throw TestSupportError("mkfifo \(path) failed with errno \(errno)") }
        descriptor = open(path, O_RDWR)
        guard descriptor >= 0 else { throw TestSupportError("opening \(path) failed with errno \(errno)") }
        self.path = path
    }

    deinit {
        close(descriptor)
    }

    /// Writes `line` and a newline.
    public func write(_ line: String) throws {
        let bytes = Array((line + "\n").utf8)
        guard Glibc.write(descriptor, bytes, bytes.count) == bytes.count else {
            throw TestSupportError("writing to \(path) failed with errno \(errno)")
        }
    }
}
