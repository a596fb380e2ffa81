import Foundation

/// Starts and stops the `dbus-daemon` of a ``PrivateBus`` under a tiny watchdog shell, so the daemon cannot outlive
/// the test process: the watchdog waits on a pipe only this process holds open, and when that pipe closes — at
/// teardown, or because the test process crashed or was killed — it stops the daemon and reaps it. We reap the
/// watchdog with `waitpid`, so nothing is left running and nothing lingers as a zombie.
struct DaemonProcess: Sendable {
    /// Why a private bus could not be started or stopped.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let address: String
    /// The daemon's process id.
    let daemonID: Int32
    /// The watchdog shell's process id (our child).
    let watchdogID: Int32
    /// Our end of the watchdog's standard input; closing it stops the bus.
    let lifeline: Int32

    /// Runs `dbus-daemon "$@"` in the background, waits for its standard input to close, then stops the daemon.
    private static let watchdogScript =
        #"dbus-daemon "$@" </dev/null & daemon=$!; read -r _; kill "$daemon"; wait "$daemon""#

    /// Spawns the watchdog and daemon and reads the address and pid the daemon prints.
    /// Blocking: waits for the daemon to print its address (a few milliseconds).
    static func spawn(configurationPath: String) throws -> DaemonProcess {
        let output = try Pipe.make()
        let lifeline = try Pipe.make()
        defer {
            close(output.readEnd)
            close(lifeline.readEnd)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, lifeline.readEnd, 0)
        posix_spawn_file_actions_adddup2(&actions, output.writeEnd, 1)

        // Worker threads of the test process block most signals and a spawned child inherits that mask; reset it
        // so the daemon obeys SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let arguments = [
            "sh", "-c", watchdogScript, "sh", "--config-file=\(configurationPath)", "--nofork", "--nopidfile",
            "--print-address=1", "--print-pid=1",
        ]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var watchdogID: pid_t = 0
        let spawned = posix_spawnp(&watchdogID, "sh", &actions, &attributes, argv, environ)
        close(output.writeEnd)
        guard spawned == 0 else {
            close(lifeline.writeEnd)
            throw Failure(description: "could not start sh for dbus-daemon (error \(spawned))")
        }
        let address = readLine(from: output.readEnd)
        let daemonID = Int32(readLine(from: output.readEnd)) ?? 0
        let process = DaemonProcess(
            address: address,
            daemonID: daemonID,
            watchdogID: watchdogID,
            lifeline: lifeline.writeEnd
        )
        guard !address.isEmpty, daemonID > 0 else {
            try? process.terminate()
            throw Failure(description: "dbus-daemon did not start; is the dbus-daemon package installed?")
        }
        return process
    }

    /// Closes the lifeline and waits for the watchdog, which stops and reaps the daemon first.
    func terminate() throws {
        close(lifeline)
        var status: Int32 = 0
        while waitpid(watchdogID, &status, 0) == -1 {
            guard errno == EINTR else {
                throw Failure(description: "could not reap the dbus-daemon watchdog \(watchdogID): errno \(errno)")
            }
        }
    }

    private static func readLine(from descriptor: Int32) -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(descriptor, &byte, 1)
            if count == 1 {
                if byte == UInt8(ascii: "\n") { break }
                bytes.append(byte)
            } else if count == -1, errno == EINTR {
                continue
            } else {
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A connected pair of sockets used as a pipe, created close-on-exec in one step (`pipe2` is not visible from
/// Swift), so tests spawning processes in parallel never leak each other's ends.
private struct Pipe {
    let readEnd: Int32
    let writeEnd: Int32

    static func make() throws -> Pipe {
        var ends: [Int32] = [0, 0]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &ends) == 0 else {
            throw DaemonProcess.Failure(description: "socketpair failed: errno \(errno)")
        }
        return Pipe(readEnd: ends[0], writeEnd: ends[1])
    }
}
