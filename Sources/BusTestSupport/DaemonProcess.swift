import Foundation

/// Starts and stops the `dbus-daemon` child of a ``PrivateBus`` with posix_spawn/waitpid, so the daemon is our
/// own child: we learn its exit and reap it, instead of hunting a forked daemon through `/proc`.
enum DaemonProcess {
    /// Why a private bus could not be started or stopped.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Spawns `dbus-daemon --nofork` and reads the address it prints on its standard output.
    static func spawn(configurationPath: String) throws -> (address: String, processID: Int32) {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw Failure(description: "pipe failed: errno \(errno)") }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        defer { close(readEnd) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_addclose(&actions, readEnd)

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
            "dbus-daemon", "--config-file=\(configurationPath)", "--nofork", "--nopidfile", "--print-address=1",
        ]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var processID: pid_t = 0
        let spawned = posix_spawnp(&processID, "dbus-daemon", &actions, &attributes, argv, environ)
        close(writeEnd)
        guard spawned == 0 else {
            throw Failure(
                description: "could not start dbus-daemon (error \(spawned)); is the dbus-daemon package installed?")
        }
        guard let address = readLine(from: readEnd), !address.isEmpty else {
            try? terminate(processID)
            throw Failure(description: "dbus-daemon exited without printing an address")
        }
        return (address, processID)
    }

    /// Sends SIGTERM and waits for the process to exit, reaping it.
    static func terminate(_ processID: Int32) throws {
        guard kill(processID, SIGTERM) == 0 || errno == ESRCH else {
            throw Failure(description: "could not signal dbus-daemon \(processID): errno \(errno)")
        }
        var status: Int32 = 0
        while waitpid(processID, &status, 0) == -1 {
            guard errno == EINTR else {
                throw Failure(description: "could not reap dbus-daemon \(processID): errno \(errno)")
            }
        }
    }

    private static func readLine(from descriptor: Int32) -> String? {
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
