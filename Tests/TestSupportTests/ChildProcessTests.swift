import Foundation
import TestSupport
import Testing

/// The one way tests start processes: a child must obey signals whatever the spawning thread blocks or the test
/// process ignores, and a wait that is given up on must not leave the child running.
@Suite("starting a child process for a test")
struct ChildProcessTests {
    @Test("a child starts with no signal blocked and no standard signal ignored, whatever its parent blocks")
    func signalStateIsReset() async throws {
        signal(SIGPIPE, SIG_IGN)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let statusPath = directory.file("status")
        let child = try await Self.spawnOnThreadBlocking([SIGTERM, SIGINT, SIGUSR1]) {
            try ChildProcess("cat", ["/proc/self/status"], output: .file(statusPath))
        }
        #expect(await child.exited() == 0)
        let lines = try String(contentsOfFile: statusPath, encoding: .utf8).split(separator: "\n")
        #expect(lines.contains("SigBlk:\t0000000000000000"))
        // glibc's posix_spawn ignores its own two internal real-time signals (32 and 33) in every child.
        let ignored = try #require(
            lines.first { $0.hasPrefix("SigIgn:\t") }.flatMap { UInt64($0.dropFirst(8), radix: 16) })
        #expect(ignored & 0x7fff_ffff == 0, "standard signals ignored: \(String(ignored, radix: 16))")
    }

    @Test("SIGTERM ends a child spawned from a thread that blocks it")
    func terminates() async throws {
        let child = try await Self.spawnOnThreadBlocking([SIGTERM]) { try ChildProcess("sleep", ["600"]) }
        child.send(SIGTERM)
        #expect(await child.exited() == 128 + SIGTERM)
        #expect(!child.isRunning)
    }

    @Test("cancelling the wait kills the child")
    func cancellationKills() async throws {
        let child = try ChildProcess("sleep", ["600"])
        let waiting = Task { await child.exited() }
        waiting.cancel()
        #expect(await waiting.value == 128 + SIGKILL)
    }

    @Test("a run that fails reports its status and everything it printed")
    func failedRun() async throws {
        await #expect {
            try await ChildProcess.run("sh", ["-c", "echo out; echo err >&2; exit 3"])
        } throws: { error in
            "\(error)".contains("exited with 3") && "\(error)".contains("out\nerr")
        }
    }

    @Test("a product that is not built is reported with how to build it")
    func missingProduct() {
        #expect {
            try BuiltBinary.existing("no-such-product")
        } throws: { error in
            "\(error)".contains("swift build --product no-such-product")
        }
    }

    /// Spawns on a new thread whose signal mask blocks `signals`, as worker threads of a test process do.
    private static func spawnOnThreadBlocking(
        _ signals: [Int32],
        _ spawn: @escaping @Sendable () throws -> ChildProcess
    ) async throws -> ChildProcess {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                var blocked = sigset_t()
                sigemptyset(&blocked)
                for signal in signals { sigaddset(&blocked, signal) }
                pthread_sigmask(SIG_BLOCK, &blocked, nil)
                continuation.resume(with: Result { try spawn() })
            }
            thread.start()
        }
    }
}
