import Foundation
import Synchronization

/// A process started by a test (a player, ffmpeg, playerctl, the agent, a private `dbus-daemon`) whose exit can
/// be awaited and which can be signalled, so fixtures stop what they start without polling. It is the one way
/// tests and the benchmark start a process: spawned with `posix_spawnp` with the signal mask emptied and every
/// signal's disposition reset to the default (worker threads of a test process block signals, the runtime
/// ignores some, and a child would inherit both: it would then ignore `SIGTERM`), and reaped with a blocking
/// `waitpid` on a thread of its own, so its exit is observed exactly once and the wait holds neither Swift
/// concurrency's threads nor dispatch's shared pool (which the D-Bus connections run on: dozens of private buses
/// waited for there starve them).
public final class ChildProcess: Sendable {
    /// Where one of the child's standard streams comes from or goes to.
    public enum Redirection: Sendable {
        /// `/dev/null`.
        case null
        /// A file: read from for standard input, created if needed and appended to for the outputs.
        case file(String)
        /// An open descriptor of this process, duplicated onto the stream.
        case descriptor(Int32)
    }

    /// The process id, for signals and for `/proc` checks.
    public let pid: Int32
    private let exitStatus: Task<Int32, Never>
    private let reaped = ReapedFlag()

    /// Starts `command` (looked up in `PATH` unless it is a path) with `arguments`, adding `environment` to this
    /// process's (or, with `inheritingEnvironment` false, with `environment` alone). Standard input comes from
    /// `input`; standard output goes to `output`, and standard error to `errors` (nil: the same place as
    /// standard output).
    public init(
        _ command: String,
        _ arguments: [String],
        environment: [String: String] = [:],
        inheritingEnvironment: Bool = true,
        input: Redirection = .null,
        output: Redirection = .null,
        errors: Redirection? = nil
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        Self.redirect(0, to: input, flags: O_RDONLY, in: &actions)
        Self.redirect(1, to: output, flags: O_WRONLY | O_CREAT | O_APPEND, in: &actions)
        if let errors {
            Self.redirect(2, to: errors, flags: O_WRONLY | O_CREAT | O_APPEND, in: &actions)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let fullEnvironment =
            inheritingEnvironment
            ? ProcessInfo.processInfo.environment.merging(environment) { $1 } : environment
        let argv = ([command] + arguments).map { strdup($0) } + [nil]
        let envp = fullEnvironment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var spawned: pid_t = 0
        let result = posix_spawnp(&spawned, command, &actions, &attributes, argv, envp)
        guard result == 0 else { throw TestSupportError("starting \(command) failed with error \(result)") }
        let pid = spawned
        let reaped = reaped
        self.pid = pid
        exitStatus = Task {
            await withCheckedContinuation { continuation in
                Thread {
                    let status = Self.reap(pid)
                    reaped.value.store(true, ordering: .releasing)
                    continuation.resume(returning: status)
                }
                .start()
            }
        }
    }

    /// False once the process has exited and been reaped.
    public var isRunning: Bool {
        !reaped.value.load(ordering: .acquiring)
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

    /// Set by the reaping thread once the process has exited and been reaped.
    private final class ReapedFlag: Sendable {
        let value = Atomic(false)
    }

    private static func redirect(
        _ stream: Int32,
        to target: Redirection,
        flags: Int32,
        in actions: inout posix_spawn_file_actions_t
    ) {
        switch target {
        case .null: posix_spawn_file_actions_addopen(&actions, stream, "/dev/null", flags, 0o600)
        case .file(let path): posix_spawn_file_actions_addopen(&actions, stream, path, flags, 0o600)
        case .descriptor(let descriptor): posix_spawn_file_actions_adddup2(&actions, descriptor, stream)
        }
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
