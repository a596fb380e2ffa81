import Foundation
import TestSupport

/// A built `punchplay-mpris` binary running as a child process; its standard output and error are followed
/// line by line through a named pipe, so tests wait for what it says instead of sleeping.
public struct AgentProcess: Sendable {
    public let process: ChildProcess
    public let output: StreamRecorder<String>
    private let lines: LineLog

    /// The debug `punchplay-mpris` next to the tests in the build directory.
    public static var executable: String { BuiltBinary.path("punchplay-mpris") }

    /// Starts `binary` (the debug build next to the tests by default) with `arguments`.
    public static func start(
        _ arguments: [String],
        environment: [String: String],
        in home: AgentHome,
        binary: String = executable
    ) throws -> AgentProcess {
        let fifo = try FIFOLineReader(path: home.directory.file("agent-\(UUID().uuidString).out"))
        let log = LineLog()
        let (copy, continuation) = AsyncStream.makeStream(of: String.self)
        Task {
            for await line in fifo.lines {
                await log.append(line)
                continuation.yield(line)
            }
            continuation.finish()
        }
        let process = try ChildProcess(
            binary,
            arguments,
            environment: environment,
            output: .file(fifo.path)
        )
        return AgentProcess(process: process, output: StreamRecorder(copy), lines: log)
    }

    /// Waits for a line containing `text` and returns it.
    @discardableResult
    public func waitForLine(containing text: String, timeout: Duration = .seconds(20)) async throws -> String {
        try await output.next(timeout: timeout) { $0.contains(text) }.match
    }

    /// Everything the agent printed so far.
    public func printed() async -> [String] {
        await lines.all
    }

    /// Sends `signal` (SIGTERM by default) and returns the exit status.
    public func terminate(signal: Int32 = SIGTERM) async -> Int32 {
        process.send(signal)
        return await process.exited()
    }

    /// Runs `body` with the agent started, and kills the agent if `body` fails, so a failing test leaves no
    /// process behind.
    public static func with<Result>(
        _ arguments: [String],
        environment: [String: String],
        in home: AgentHome,
        binary: String = executable,
        _ body: (AgentProcess) async throws -> Result
    ) async throws -> Result {
        let agent = try start(arguments, environment: environment, in: home, binary: binary)
        do {
            return try await body(agent)
        } catch {
            agent.process.send(SIGKILL)
            _ = await agent.process.exited()
            throw error
        }
    }
}
