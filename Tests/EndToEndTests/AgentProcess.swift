import Foundation
import MPRISTestSupport
import Testing

/// The built `punchplay-mpris` binary running as a child process; its standard output and error are followed
/// line by line through a named pipe, so tests wait for what it says instead of sleeping.
struct AgentProcess {
    let process: ChildProcess
    let output: StreamRecorder<String>
    private let lines: LineLog

    /// The binary next to the test bundle in the build directory.
    static var executable: String {
        let testBinary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        return URL(fileURLWithPath: testBinary).deletingLastPathComponent().appendingPathComponent("punchplay-mpris")
            .path
    }

    static func start(_ arguments: [String], environment: [String: String], in home: AgentHome) throws -> AgentProcess {
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
            executable,
            arguments,
            environment: environment,
            outputPath: fifo.path
        )
        return AgentProcess(process: process, output: StreamRecorder(copy), lines: log)
    }

    /// Waits for a line containing `text` and returns it.
    @discardableResult
    func waitForLine(containing text: String, timeout: Duration = .seconds(20)) async throws -> String {
        try await output.next(timeout: timeout) { $0.contains(text) }.match
    }

    /// Everything the agent printed so far.
    func printed() async -> [String] {
        await lines.all
    }

    /// Sends `signal` (SIGTERM by default) and returns the exit status.
    func terminate(signal: Int32 = SIGTERM) async -> Int32 {
        process.send(signal)
        return await process.exited()
    }

    /// Runs `body` with the agent started, and kills the agent if `body` fails, so a failing test leaves no
    /// process behind.
    static func with<Result>(
        _ arguments: [String],
        environment: [String: String],
        in home: AgentHome,
        _ body: (AgentProcess) async throws -> Result
    ) async throws -> Result {
        let agent = try start(arguments, environment: environment, in: home)
        do {
            return try await body(agent)
        } catch {
            agent.process.send(SIGKILL)
            _ = await agent.process.exited()
            throw error
        }
    }
}

/// Every line the agent printed, for checks after the fact (decisions, no secrets).
actor LineLog {
    private(set) var all: [String] = []

    func append(_ line: String) {
        all.append(line)
    }
}
