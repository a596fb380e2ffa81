import AgentTestSupport
import Foundation
import Outbox
import PunchPlaySandbox
import PunchPlayTestSupport
import TestSupport

/// The release `punchplay-mpris run` as a child process, logged in to the sandbox with its own throw-away
/// home (configuration, credentials, outbox), on the benchmark's private bus. Its standard output and error
/// are read as they come, so it never blocks on a full pipe and the benchmark can wait for it to be ready.
struct BenchAgent {
    /// Why the agent could not be started or measured.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let process: ChildProcess
    let home: TemporaryDirectory
    /// The agent's outbox database.
    let outboxPath: String
    private let ready: AsyncStream<Void>
    private let tail: AgentOutputTail

    /// The line the agent logs once it watches the bus.
    private static let readyLine = "watching media players on the session bus"

    /// The variable naming the `punchplay-mpris` to measure. `make bench` sets it to the binary `make install`
    /// installs (stripped, Swift runtime linked in), the one users run; without it, the release build next to
    /// the benchmark.
    static let binaryVariable = "PUNCHPLAY_BENCH_AGENT_BINARY"

    /// The `punchplay-mpris` the benchmarks run.
    static func binary() throws -> String {
        try BenchBinary.named(by: binaryVariable, orBuilt: "punchplay-mpris")
    }

    /// Starts the agent (`binary`, nil: ``binary()``) in `world` with `settleMilliseconds` (nil: the default of
    /// 1500 ms) and its outbox in `outboxDirectory` (nil: its home), and waits until it watches the bus, at most
    /// `readyTimeout`. A `wrapper` (a command and its arguments, such as a profiler) runs the agent in the same
    /// process, so its pid is the agent's.
    static func start(
        in world: BenchWorld,
        binary: String? = nil,
        settleMilliseconds: Int? = nil,
        outboxDirectory: String? = nil,
        wrapper: [String] = [],
        readyTimeout: Duration = .seconds(30)
    ) async throws -> BenchAgent {
        let home = try TemporaryDirectory(prefix: "punchplay-bench")
        do {
            try writeConfiguration(in: home, sandbox: world.sandbox, settleMilliseconds: settleMilliseconds)
            try await world.sandbox.logIn(
                storingIn: home.file("state/punchplay-mpris/credentials.json"),
                username: "bench"
            )
            let output = try FIFOLineReader(path: home.file("agent.out"))
            let (ready, readyContinuation) = AsyncStream.makeStream(of: Void.self)
            let tail = AgentOutputTail()
            Task {
                for await line in output.lines {
                    await tail.append(line)
                    if line.contains(readyLine) { readyContinuation.yield() }
                }
                readyContinuation.finish()
            }
            let outboxPath =
                outboxDirectory.map { "\($0)/punchplay-bench-\(UUID().uuidString).sqlite" }
                ?? home.file("state/punchplay-mpris/outbox.sqlite")
            let command = wrapper + [try binary ?? Self.binary(), "run"]
            let process = try ChildProcess(
                command[0],
                Array(command.dropFirst()),
                environment: [
                    "DBUS_SESSION_BUS_ADDRESS": world.bus.address,
                    "XDG_CONFIG_HOME": home.file("config"),
                    "XDG_STATE_HOME": home.file("state"),
                    "HOME": home.path,
                    OutboxLocation.environmentVariable: outboxPath,
                ],
                output: .file(output.path)
            )
            let agent = BenchAgent(process: process, home: home, outboxPath: outboxPath, ready: ready, tail: tail)
            try await agent.waitUntilReady(timeout: readyTimeout)
            return agent
        } catch {
            home.remove()
            throw error
        }
    }

    /// What `/proc` says about the agent now.
    func sample() throws -> ProcessSample {
        try ProcessSample.read(pid: process.pid)
    }

    /// Sessions the agent has opened and not closed, read from its outbox as `punchplay-mpris queue` does.
    func openSessions() async throws -> Int {
        try await OutboxStore(path: outboxPath).openSessions().count
    }

    /// Stops the agent with SIGTERM (it sends its `stop`s first), waits for it and removes its home and outbox.
    func stop() async {
        process.send(SIGTERM)
        _ = await process.exited()
        Self.removeOutbox(at: outboxPath)
        home.remove()
    }

    /// Removes the SQLite outbox at `path` with its WAL and shared-memory files.
    static func removeOutbox(at path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    private func waitUntilReady(timeout: Duration) async throws {
        let ready = ready
        let pid = process.pid
        do {
            try await withTimeout(timeout) {
                for await _ in ready { return }
                throw Failure(description: "punchplay-mpris (pid \(pid)) exited before it watched the bus")
            }
        } catch {
            process.send(SIGKILL)
            _ = await process.exited()
            throw Failure(description: "\(error); the agent's last output:\n\(await tail.text)")
        }
    }

    private static func writeConfiguration(
        in home: TemporaryDirectory,
        sandbox: PunchPlaySandbox,
        settleMilliseconds: Int?
    ) throws {
        let directory = home.file("config/punchplay-mpris")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let settle = settleMilliseconds.map { "\n[defaults]\nsettle_ms = \($0)\n" } ?? ""
        let text = """
            [punchplay]
            client_id = "\(SandboxApp.agentClientID)"
            api_base_url = "\(sandbox.baseURL.absoluteString)"
            credential_store = "file"
            device_name = "bench"

            [log]
            notifications = false
            \(settle)
            """
        try text.write(toFile: directory + "/config.toml", atomically: true, encoding: .utf8)
    }
}
