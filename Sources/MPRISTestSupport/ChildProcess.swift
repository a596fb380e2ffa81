import Foundation

/// A process started by a test (a player, ffmpeg, playerctl) whose exit can be awaited and which can be
/// signalled, so fixtures stop what they start without polling.
public final class ChildProcess: Sendable {
    /// The process id, for signals and for `/proc` checks.
    public let pid: Int32
    private let exitStatus: Task<Int32, Never>

    /// Starts `command` (looked up in `PATH`) with `arguments`, adding `environment` to this process's.
    /// Standard input is closed; standard output and error go to `output` (nil: discarded).
    public init(
        _ command: String,
        _ arguments: [String],
        environment: [String: String] = [:],
        output: FileHandle? = nil
    ) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = output ?? FileHandle.nullDevice
        let (exits, exited) = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = { finished in
            exited.yield(finished.terminationStatus)
            exited.finish()
        }
        try process.run()
        pid = process.processIdentifier
        exitStatus = Task { await exits.first { _ in true } ?? -1 }
    }

    /// Waits for the process to exit and returns its exit status (or the signal number that ended it).
    public func exited() async -> Int32 {
        await exitStatus.value
    }

    /// Sends `signal` (e.g. `SIGTERM`, `SIGKILL`) to the process; harmless when it already exited.
    public func send(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Runs `command` to completion and fails unless it exits with status 0; its output is returned.
    @discardableResult
    public static func run(
        _ command: String,
        _ arguments: [String],
        environment: [String: String] = [:]
    ) async throws -> String {
        let pipe = Pipe()
        let process = try ChildProcess(command, arguments, environment: environment, output: pipe.fileHandleForWriting)
        try pipe.fileHandleForWriting.close()
        let reader = Task { pipe.fileHandleForReading.readDataToEndOfFile() }
        let status = await process.exited()
        let output = String(decoding: await reader.value, as: UTF8.self)
        guard status == 0 else {
            throw TestSupportError("\(command) \(arguments.joined(separator: " ")) exited with \(status): \(output)")
        }
        return output
    }
}
