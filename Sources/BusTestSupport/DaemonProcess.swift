import Foundation
import TestSupport

/// Starts and stops the `dbus-daemon` of a ``PrivateBus`` under a tiny watchdog shell, so the daemon cannot outlive
/// the test process: the watchdog waits on a pipe only this process holds open, and when that pipe closes — at
/// teardown, or because the test process crashed or was killed — it stops the daemon and reaps it. We wait for
/// the watchdog, so nothing is left running and nothing lingers as a zombie.
struct DaemonProcess: Sendable {
    /// Why a private bus could not be started or stopped.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let address: String
    /// The daemon's process id.
    let daemonID: Int32
    /// The watchdog shell (our child).
    let watchdog: ChildProcess
    /// Our end of the watchdog's standard input; closing it stops the bus.
    let lifeline: Int32

    /// Runs `dbus-daemon "$@"` in the background, waits for its standard input to close, then stops the daemon.
    private static let watchdogScript =
        #"dbus-daemon "$@" </dev/null & daemon=$!; read -r _; kill "$daemon"; wait "$daemon""#

    /// Spawns the watchdog and daemon and reads the address and pid the daemon prints.
    /// Blocking: waits for the daemon to print its address (a few milliseconds).
    static func spawn(configurationPath: String) async throws -> DaemonProcess {
        let output = try SocketPipe()
        let lifeline = try SocketPipe()
        defer {
            close(output.readEnd)
            close(lifeline.readEnd)
        }
        let watchdog: ChildProcess
        do {
            watchdog = try ChildProcess(
                "sh",
                [
                    "-c", watchdogScript, "sh", "--config-file=\(configurationPath)", "--nofork", "--nopidfile",
                    "--print-address=1", "--print-pid=1",
                ],
                input: .descriptor(lifeline.readEnd),
                output: .descriptor(output.writeEnd),
                errors: .descriptor(STDERR_FILENO)
            )
            close(output.writeEnd)
        } catch {
            close(output.writeEnd)
            close(lifeline.writeEnd)
            throw Failure(description: "could not start sh for dbus-daemon (\(error))")
        }
        let address = output.readLine()
        let daemonID = Int32(output.readLine()) ?? 0
        let process = DaemonProcess(
            address: address,
            daemonID: daemonID,
            watchdog: watchdog,
            lifeline: lifeline.writeEnd
        )
        guard !address.isEmpty, daemonID > 0 else {
            try? await process.terminate()
            throw Failure(description: "dbus-daemon did not start; is the dbus-daemon package installed?")
        }
        return process
    }

    /// Closes the lifeline and waits for the watchdog, which stops and reaps the daemon first.
    func terminate() async throws {
        close(lifeline)
        let status = await watchdog.exited()
        guard status >= 0 else {
            throw Failure(description: "could not reap the dbus-daemon watchdog \(watchdog.pid)")
        }
    }
}
