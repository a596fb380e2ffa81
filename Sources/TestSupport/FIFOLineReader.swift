import Foundation

/// A named pipe that a child process writes to and a test reads line by line as the lines arrive: how tests
/// follow a long-running command's output (`players --watch`) without polling a file.
public struct FIFOLineReader: Sendable {
    /// The pipe's path, to give the child as its output.
    public let path: String
    /// Every line the writer writes, without its newline; finishes when the writer closes the pipe.
    public let lines: AsyncStream<String>

    /// Creates the pipe at `path` and starts reading it on a thread of its own (opening blocks until a writer
    /// opens it, reading until the writer closes it: held for that long, a thread of dispatch's shared pool
    /// would be missed by the D-Bus connections that run there).
    public init(path: String) throws {
        guard mkfifo(path, 0o600) == 0 else { throw TestSupportError("mkfifo \(path) failed with errno \(errno)") }
        self.path = path
        let (lines, continuation) = AsyncStream.makeStream(of: String.self)
        self.lines = lines
        Thread {
            defer { continuation.finish() }
            guard let file = fopen(path, "r") else { return }
            defer { fclose(file) }
            var line: UnsafeMutablePointer<CChar>?
            var capacity = 0
            defer { free(line) }
            while getline(&line, &capacity, file) > 0, let line {
                continuation.yield(String(cString: line).trimmingCharacters(in: .newlines))
            }
        }
        .start()
    }
}
