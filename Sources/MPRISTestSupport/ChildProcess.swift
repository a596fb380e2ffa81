import Dispatch
import Foundation

/// A process started by a test (a player, ffmpeg, playerctl) whose exit can be awaited and which can be
/// signalled, so fixtures stop what they start without polling. Spawned with `posix_spawnp` and reaped with a
/// blocking `waitpid` on a dispatch thread, so its exit is observed exactly once and never on Swift
/// concurrency's threads.
public final class ChildProcess: Sendable {
    /// The process id, for signals and for `/proc` checks.
    public let pid: Int32
    private let exitStatus: Task<Int32, Never>

    /// Starts `command` (looked up in `PATH`) with `arguments`, adding `environment` to this process's (or,
    /// with `inheritingEnvironment` false, with `environment` alone). Standard input is read from `inputPath`
    /// (nil: `/dev/null`); standard output is appended to the file at `outputPath` (nil: discarded), and
    /// standard error to the file at `errorPath` (nil: the same place as standard output).
    public init(
        _ command: String,
        _ arguments: [String],
        environment: [String: String] = [:],
        inheritingEnvironment: Bool = true,
        inputPath: String? = nil,
        outputPath: String? = nil,
        errorPath: String? = nil
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let append = O_WRONLY | O_CREAT | O_APPEND
        posix_spawn_file_actions_addopen(&actions, 0, inputPath ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath ?? "/dev/null", append, 0o600)
        if let errorPath {
            posix_spawn_file_actions_addopen(&actions, 2, errorPath, append, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        let fullEnvironment =
            inheritingEnvironment
            ? ProcessInfo.processInfo.environment.merging(environment) { $1 } : environment
        let argv = ([command] + arguments).map { strdup($0) } + [nil]
        let envp = fullEnvironment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var spawned: pid_t = 0
        let result = posix_spawnp(&spawned, command, &actions, nil, argv, envp)
        guard result == 0 else { throw TestSupportError("starting \(command) failed with error \(result)") }
        let pid = spawned
        self.pid = pid
        exitStatus = Task {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(returning: Self.reap(pid)) }
            }
        }
    }

    /// Waits for the process to exit and returns its exit status (128 + the signal number when a signal
    /// ended it). The process is killed (`SIGKILL`, status 137) when the waiting task is cancelled, or when it
    /// still runs after `limit`: a time-out around this wait then really ends it, and a test waiting on a
    /// stuck child fails on that status instead of hanging the whole run.
    public func exited(killingAfter limit: Duration? = nil) async -> Int32 {
        let exitStatus = exitStatus
        let pid = pid
        return await withTaskCancellationHandler {
            guard let limit else { return await exitStatus.value }
            return await withTaskGroup(of: Int32?.self) { group in
                group.addTask { await exitStatus.value }
                group.addTask {
                    try? await Task.sleep(for: limit)
                    return nil
                }
                if let status = await group.next() ?? nil {
                    group.cancelAll()
                    return status
                }
                kill(pid, SIGKILL)
                return await exitStatus.value
            }
        } onCancel: {
            kill(pid, SIGKILL)
        }
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
        let outputPath = "\(NSTemporaryDirectory())punchplay-child-\(UInt64.random(in: 0...UInt64.max)).out"
        defer { unlink(outputPath) }
        let status = try await ChildProcess(command, arguments, environment: environment, outputPath: outputPath)
            .exited()
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw TestSupportError("\(command) \(arguments.joined(separator: " ")) exited with \(status): \(output)")
        }
        return output
    }

    /// Blocking: waits for `pid` to exit.
    private static func reap(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { return -1 }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
