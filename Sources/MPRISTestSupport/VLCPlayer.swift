import BusTestSupport
import DBus
import Foundation
import Glibc
import TestSupport

/// A real VLC 3 (`cvlc`, headless: dummy interface, audio and video outputs) on a given bus: the second real
/// player of the test suites, the noisy one (double `Seeked`, a transient `Stopped` on every track change).
///
/// VLC refuses to run as root, so as root it runs as `nobody` through `setpriv`. That needs a bus that lets any
/// user in (`PrivateBus.with(allowingAnyUser: true)`), media `nobody` can read (``start(files:bus:directory:)``
/// opens `directory` and the files to everyone) and a home of its own (`vlc-home` inside `directory`). `setpriv`
/// and `cvlc` both `exec`, so the spawned pid is VLC itself: signals reach it directly and it is reaped like any
/// child.
public struct VLCPlayer: Sendable {
    /// The well-known name VLC takes for the first instance on a bus.
    public static let busName = "org.mpris.MediaPlayer2.vlc"
    /// The MPRIS object path.
    static let objectPath = "/org/mpris/MediaPlayer2"
    /// The MPRIS player interface.
    static let playerInterface = "org.mpris.MediaPlayer2.Player"

    /// The running VLC process.
    public let process: ChildProcess
    /// The test's connection, used to drive VLC through MPRIS calls.
    private let connection: DBusConnection

    private init(process: ChildProcess, connection: DBusConnection) {
        self.process = process
        self.connection = connection
    }

    /// Starts VLC playing `files` as `nobody` on `bus` and returns once it owns ``busName``.
    ///
    /// - Throws: `TestSupportError` (with VLC's log) when VLC exits or has not taken its name within `timeout`.
    public static func start(
        files: [String],
        bus: PrivateBus,
        directory: TemporaryDirectory,
        timeout: Duration = .seconds(10)
    ) async throws -> VLCPlayer {
        let home = try prepare(directory, files: files)
        let logPath = directory.file("vlc.log")
        let connection = try await DBusConnection.connect(address: bus.address)
        do {
            let nameChanges = try await connection.signals(
                matching: MatchRule(
                    sender: "org.freedesktop.DBus", interface: "org.freedesktop.DBus", member: "NameOwnerChanged",
                    arguments: [0: busName]
                )
            )
            let command = commandLine + files
            let process = try ChildProcess(
                command[0],
                Array(command.dropFirst()),
                environment: environment(busAddress: bus.address, home: home),
                output: .file(logPath)
            )
            let player = VLCPlayer(process: process, connection: connection)
            guard await player.awaitName(in: nameChanges, timeout: timeout) else {
                await player.kill()
                let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
                throw TestSupportError("VLC did not take \(busName) within \(timeout); its log:\n\(log)")
            }
            return player
        } catch {
            await connection.close()
            throw error
        }
    }

    /// Pauses (`Player.Pause`).
    public func pause() async throws { try await callPlayer("Pause") }

    /// Resumes or starts playing (`Player.Play`).
    public func play() async throws { try await callPlayer("Play") }

    /// Skips to the next playlist item (`Player.Next`).
    public func next() async throws { try await callPlayer("Next") }

    /// Stops playback, keeping the playlist (`Player.Stop`).
    public func stopPlayback() async throws { try await callPlayer("Stop") }

    /// Moves the playhead by `offset` (`Player.Seek`).
    public func seek(by offset: Duration) async throws {
        try await callPlayer("Seek", [.int64(offset.wholeMicroseconds)])
    }

    /// Jumps to `position` in the current track (`Player.SetPosition` with the current `mpris:trackid`).
    public func setPosition(_ position: Duration) async throws {
        let metadata = try await connection.getProperty(
            destination: Self.busName, path: Self.objectPath, interface: Self.playerInterface, name: "Metadata"
        )
        guard let trackID = metadata.asStringDictionary?["mpris:trackid"]?.unwrappedVariant.asString else {
            throw TestSupportError("VLC's Metadata has no mpris:trackid: \(metadata)")
        }
        try await callPlayer("SetPosition", [.objectPath(trackID), .int64(position.wholeMicroseconds)])
    }

    /// VLC's playhead (`Position`, read with `Properties.Get`).
    public func position() async throws -> Duration {
        let value = try await connection.getProperty(
            destination: Self.busName, path: Self.objectPath, interface: Self.playerInterface, name: "Position"
        )
        guard let microseconds = value.asInt64 else { throw TestSupportError("VLC's Position is \(value)") }
        return .microseconds(microseconds)
    }

    /// Reads `Position` every 50 ms until it reaches `position`. VLC signals nothing while playback advances, so
    /// its own playhead is the only observable for "VLC has played this far".
    ///
    /// - Throws: `TestSupportError` when it has not got there within `timeout`.
    public func waitUntilPosition(atLeast position: Duration, timeout: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now + timeout
        while try await self.position() < position {
            guard ContinuousClock.now < deadline else {
                throw TestSupportError("VLC did not reach \(position) within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Asks VLC to quit (`org.mpris.MediaPlayer2.Quit`) and waits for the process to exit; returns its status.
    public func quit() async throws -> Int32 {
        _ = try await connection.call(
            destination: Self.busName, path: Self.objectPath, interface: "org.mpris.MediaPlayer2", member: "Quit"
        )
        return await finish()
    }

    /// Kills VLC with SIGKILL, reaps it and closes the test's connection; safe to call when it already exited.
    public func kill() async {
        if isRunning { process.send(SIGKILL) }
        _ = await finish()
    }

    /// True while `/proc` still lists VLC's pid in any state other than a zombie.
    public var isRunning: Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(process.pid)/status", encoding: .utf8) else {
            return false
        }
        return !status.split(separator: "\n").contains { $0.hasPrefix("State:") && $0.contains("Z") }
    }

    private func finish() async -> Int32 {
        let status = await process.exited()
        await connection.close()
        return status
    }

    private func callPlayer(_ member: String, _ arguments: [DBusValue] = []) async throws {
        _ = try await connection.call(
            destination: Self.busName, path: Self.objectPath, interface: Self.playerInterface, member: member,
            arguments: arguments
        )
    }

    /// Waits for the `NameOwnerChanged` that gives ``busName`` an owner; false when VLC exits first, the bus goes
    /// away or `timeout` passes.
    private func awaitName(in nameChanges: AsyncStream<DBusSignal>, timeout: Duration) async -> Bool {
        let (outcomes, outcome) = AsyncStream.makeStream(of: Bool.self)
        let named = Task {
            for await change in nameChanges where change.arguments.count == 3 {
                if change.arguments[2].asString?.isEmpty == false { break }
            }
            outcome.yield(!Task.isCancelled)
        }
        let timer = Task {
            try? await Task.sleep(for: timeout)
            outcome.yield(false)
        }
        Task { [process] in
            _ = await process.exited()
            outcome.yield(false)
        }
        var first = outcomes.makeAsyncIterator()
        let result = await first.next() ?? false
        outcome.finish()
        named.cancel()
        timer.cancel()
        return result
    }

    /// Opens `directory` and `files` to `nobody` for reading (whatever the umask they were created with) and
    /// creates a writable home for VLC's configuration and cache inside `directory`.
    private static func prepare(_ directory: TemporaryDirectory, files: [String]) throws -> String {
        let home = directory.file("vlc-home")
        for (path, mode) in [(directory.path, mode_t(0o755))] + files.map({ ($0, mode_t(0o644)) }) {
            guard chmod(path, mode) == 0 else { throw TestSupportError("chmod \(path) failed with errno \(errno)") }
        }
        guard mkdir(home, 0o777) == 0 || errno == EEXIST, chmod(home, 0o777) == 0 else {
            throw TestSupportError("creating \(home) failed with errno \(errno)")
        }
        return home
    }

    /// `cvlc` with its arguments, behind `setpriv` dropping to `nobody` when the tests run as root.
    private static var commandLine: [String] {
        let dropRoot = geteuid() == 0 ? ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] : []
        return dropRoot + ["cvlc"] + arguments
    }

    /// Headless, no media library or network lookups, nothing asked interactively.
    private static let arguments = [
        "-I", "dummy", "--aout", "adummy", "--vout", "vdummy", "--no-video-title-show", "--no-metadata-network-access",
    ]

    private static func environment(busAddress: String, home: String) -> [String: String] {
        [
            "DBUS_SESSION_BUS_ADDRESS": busAddress, "HOME": home, "XDG_CONFIG_HOME": "\(home)/.config",
            "XDG_CACHE_HOME": "\(home)/.cache", "XDG_DATA_HOME": "\(home)/.local/share", "XDG_RUNTIME_DIR": home,
        ]
    }

}
