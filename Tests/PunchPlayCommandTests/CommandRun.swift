import Foundation

/// The result of running the built `punchplay-mpris` binary once.
struct CommandRun: Sendable {
    var status: Int32
    var output: String
    var errorOutput: String

    /// The built binary, next to the test bundle in the build directory.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("punchplay-mpris")
    }

    /// Runs the binary with `arguments` and `environment` (on top of PATH) and waits for it to exit, without
    /// blocking a thread of the cooperative pool meanwhile (the sandbox answering it runs there). Its output is
    /// read after the exit, so it must stay below the pipe buffer (64 KiB), which these commands do.
    static func run(_ arguments: [String], environment: [String: String]) async throws -> CommandRun {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { mine, _ in mine }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let exited = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { finished in
            exited.continuation.yield(finished.terminationStatus)
            exited.continuation.finish()
        }
        try process.run()
        var statuses = exited.stream.makeAsyncIterator()
        let status = await statuses.next() ?? -1
        return CommandRun(
            status: status,
            output: String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
            errorOutput: String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        )
    }
}
