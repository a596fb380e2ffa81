import Foundation
import Testing

@Suite("Crash safety: the worker killed with -9 during heavy delivery")
struct CrashSafetyTests {
    private static let sessions = 60
    private static let eventsPerSession = 40

    @Test("50 kills at random moments: every event reaches the sink once after dedupe, each session in order")
    func killNineLoop() async throws {
        let worker = try CrashWorker()
        var kills = 0
        while kills < 50 {
            let run = try worker.launch(sessions: Self.sessions, eventsPerSession: Self.eventsPerSession)
            // The kill schedule: a random moment in the run, not a wait for a condition.
            try await Task.sleep(for: .milliseconds(Int.random(in: 30...250)))
            let wasRunning = run.process.isRunning
            kill(run.process.processIdentifier, SIGKILL)
            _ = await run.exitStatus()
            try #require(wasRunning, "the worker finished before kill \(kills + 1); the workload is too small")
            kills += 1
        }
        let final = try worker.launch(sessions: Self.sessions, eventsPerSession: Self.eventsPerSession)
        let status = try await withTimeout(seconds: 120) { await final.exitStatus() }
        #expect(status == 0)

        let delivered = try worker.sinkLines()
        var firstSteps: [Int: [Int]] = [:]
        var seen: Set<String> = []
        var duplicates = 0
        for line in delivered {
            let fields = line.split(separator: "\t")
            let id = String(fields[0])
            guard seen.insert(id).inserted else {
                duplicates += 1
                continue
            }
            let parts = id.split(separator: "-")
            firstSteps[Int(parts[1])!, default: []].append(Int(parts[2])!)
        }
        for session in 0..<Self.sessions {
            let steps = firstSteps[session] ?? []
            #expect(steps == steps.sorted(), "session \(session) delivered out of order: \(steps)")
            let nonProgress = (0..<Self.eventsPerSession).filter { step in
                step == 0 || step == Self.eventsPerSession - 1 || (step - 1) % 4 == 1 || (step - 1) % 4 == 2
            }
            #expect(Set(nonProgress).isSubset(of: Set(steps)), "session \(session) lost events")
        }
        #expect(seen.count <= Self.sessions * Self.eventsPerSession)
        #expect(duplicates <= kills, "at most one resend per kill")
    }
}

/// Runs `outbox-crash-worker` (built next to the test bundle) on a temporary outbox, sink and cursor.
struct CrashWorker {
    let executable: URL
    let directory: String

    init() throws {
        let buildDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        executable = buildDirectory.appendingPathComponent("outbox-crash-worker")
        try #require(
            FileManager.default.isExecutableFile(atPath: executable.path),
            "outbox-crash-worker is missing at \(executable.path); build the package first (swift build)"
        )
        directory = OutboxHarness.temporaryDirectory()
    }

    /// A running worker and its exit status, delivered by the termination handler.
    struct Run: Sendable {
        let process: Process
        let exits: AsyncStream<Int32>

        func exitStatus() async -> Int32? {
            for await status in exits { return status }
            return nil
        }
    }

    func launch(sessions: Int, eventsPerSession: Int) throws -> Run {
        let (exits, continuation) = AsyncStream.makeStream(of: Int32.self)
        let process = Process()
        process.terminationHandler = { ended in
            continuation.yield(ended.terminationStatus)
            continuation.finish()
        }
        process.executableURL = executable
        process.arguments = [
            directory + "/outbox.sqlite", directory + "/sink.tsv", directory + "/cursor",
            "\(sessions)", "\(eventsPerSession)", "3",
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return Run(process: process, exits: exits)
    }

    func sinkLines() throws -> [Substring] {
        try String(contentsOfFile: directory + "/sink.tsv", encoding: .utf8).split(separator: "\n")
    }
}
