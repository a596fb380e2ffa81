import Glibc
import TestSupport

/// A real mpv with the mpv-mpris plugin, headless (no audio, no video output, no config), on a given bus:
/// the primary player the MPRIS tests and end-to-end tests run against.
public struct MPVPlayer: Sendable {
    /// The well-known name mpv-mpris takes for the first mpv on a bus.
    public static let busName = "org.mpris.MediaPlayer2.mpv"
    /// Where Debian's mpv-mpris installs the plugin.
    public static let pluginPath = "/usr/lib/mpv-mpris/mpris.so"

    /// The running mpv process.
    public let process: ChildProcess
    /// mpv's JSON IPC socket.
    public let ipc: MPVIPCClient
    /// The bus address mpv was started on.
    public let busAddress: String

    /// Starts mpv playing `files` on the bus at `busAddress`, with its IPC socket inside `directory`.
    /// `extraArguments` go before the files (e.g. `--pause`). Its log goes to `mpv.log` in `directory`.
    public init(
        files: [String],
        busAddress: String,
        directory: TemporaryDirectory,
        extraArguments: [String] = []
    ) throws {
        let socketPath = directory.file("mpv-\(UInt32.random(in: 0...UInt32.max)).sock")
        let logPath = directory.file("mpv.log")
        let arguments =
            [
                "--no-config", "--load-scripts=no", "--script=\(Self.pluginPath)", "--ao=null", "--vo=null",
                "--idle=yes", "--no-terminal", "--input-ipc-server=\(socketPath)",
            ] + extraArguments + files
        process = try ChildProcess(
            "mpv",
            arguments,
            environment: ["DBUS_SESSION_BUS_ADDRESS": busAddress],
            output: .file(logPath)
        )
        ipc = MPVIPCClient(socketPath: socketPath)
        self.busAddress = busAddress
    }

    /// Runs `playerctl -p mpv ARGUMENTS` against this mpv's bus (`pause`, `play`, `next`, `position 30`).
    @discardableResult
    public func playerctl(_ arguments: String...) async throws -> String {
        try await ChildProcess.run(
            "playerctl",
            ["-p", "mpv"] + arguments,
            environment: ["DBUS_SESSION_BUS_ADDRESS": busAddress]
        )
    }

    /// Kills mpv with SIGKILL and waits for it to exit; safe to call when it already exited.
    public func stop() async {
        process.send(SIGKILL)
        _ = await process.exited()
    }
}
