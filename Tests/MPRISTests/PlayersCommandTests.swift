import BusTestSupport
import Foundation
import MPRISTestSupport
import TestSupport
import Testing

/// The built `punchplay-mpris players` command against a real mpv on a private bus.
@Suite("punchplay-mpris players", .serialized)
struct PlayersCommandTests {
    /// The command next to the test bundle in the build directory.
    static var executable: String { BuiltBinary.path("punchplay-mpris") }

    /// A private bus with mpv playing a generated 60 s file titled "Command Test", seen playing by a watcher.
    static func withPlayingMPV(_ body: (PrivateBus, MPVPlayer, String, TemporaryDirectory) async throws -> Void)
        async throws
    {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try await TestMedia.video(named: "command.mkv", seconds: 60, title: "Command Test", in: directory)
        try await PrivateBus.with { bus in
            let mpv = try MPVPlayer(files: [file], busAddress: bus.address, directory: directory)
            do {
                try await WatchedBus.watching(bus) { watched in
                    _ = try await MPVObservationTests.waitUntilPlaying(file, title: "Command Test", in: watched)
                }
                try await body(bus, mpv, file, directory)
            } catch {
                await mpv.stop()
                throw error
            }
            await mpv.stop()
        }
    }

    static func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test("players --json lists mpv with title, url, status, length and the position mpv had at that moment")
    func list() async throws {
        try await Self.withPlayingMPV { bus, mpv, file, _ in
            try await mpv.ipc.command(["seek", "21", "absolute"])
            let before = try await mpv.ipc.number("time-pos")
            let output = try await ChildProcess.run(
                Self.executable, ["players", "--json"], environment: ["DBUS_SESSION_BUS_ADDRESS": bus.address]
            )
            let after = try await mpv.ipc.number("time-pos")
            let lines = output.split(separator: "\n").map(String.init)
            #expect(lines.count == 1)
            let player = try Self.object(try #require(lines.first))
            #expect(player["event"] as? String == "player")
            #expect(player["bus_name"] as? String == "org.mpris.MediaPlayer2.mpv")
            #expect(player["name"] as? String == "mpv")
            #expect(player["status"] as? String == "Playing")
            #expect(player["title"] as? String == "Command Test")
            #expect(player["url"] as? String == URL(fileURLWithPath: file).absoluteString)
            #expect(abs(try #require(player["length"] as? Double) - 60) < 0.5)
            let position = try #require(player["position"] as? Double)
            #expect(position >= before - 0.1 && position <= after + 0.1, "read while the command ran")
            #expect(position >= 21)
        }
    }

    @Test("players prints one readable line per player")
    func text() async throws {
        try await Self.withPlayingMPV { bus, _, file, _ in
            let output = try await ChildProcess.run(
                Self.executable, ["players"], environment: ["DBUS_SESSION_BUS_ADDRESS": bus.address]
            )
            let line = output.trimmingCharacters(in: .newlines)
            #expect(line.hasPrefix("player org.mpris.MediaPlayer2.mpv identity=mpv status=Playing"))
            #expect(line.contains("title=\"Command Test\""))
            #expect(line.contains("url=\(URL(fileURLWithPath: file).absoluteString)"))
            #expect(line.contains("length=1:00.0"))
        }
    }

    @Test("players on a bus without players says so, and prints nothing with --json")
    func noPlayers() async throws {
        try await PrivateBus.with { bus in
            let environment = ["DBUS_SESSION_BUS_ADDRESS": bus.address]
            let text = try await ChildProcess.run(Self.executable, ["players"], environment: environment)
            #expect(text == "No MPRIS players on the session bus.\n")
            let json = try await ChildProcess.run(Self.executable, ["players", "--json"], environment: environment)
            #expect(json.isEmpty)
        }
    }

    @Test("players without a reachable bus fails with a message that says what to do")
    func noBus() async throws {
        do {
            let output = try await ChildProcess.run(
                Self.executable, ["players"], environment: ["DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/bus"]
            )
            Issue.record("players succeeded without a bus: \(output)")
        } catch {
            #expect("\(error)".contains("cannot connect to the session bus"))
            #expect("\(error)".contains("DBUS_SESSION_BUS_ADDRESS"))
        }
    }

    @Test("players --watch --json prints appearance, pause, seek and vanishing as they happen")
    func watch() async throws {
        try await Self.withPlayingMPV { bus, mpv, _, directory in
            let output = try FIFOLineReader(path: directory.file("watch.fifo"))
            let command = try ChildProcess(
                Self.executable, ["players", "--watch", "--json"],
                environment: ["DBUS_SESSION_BUS_ADDRESS": bus.address], output: .file(output.path)
            )
            defer { command.send(SIGKILL) }
            let lines = StreamRecorder(output.lines)
            let appeared = try Self.object(try await lines.next())
            #expect(appeared["event"] as? String == "appeared")
            #expect(appeared["title"] as? String == "Command Test")

            try await mpv.playerctl("pause")
            let paused = try Self.object(try await lines.next())
            #expect(paused["event"] as? String == "changed")
            #expect(paused["status"] as? String == "Paused")
            #expect(paused["position"] is Double)

            try await mpv.ipc.command(["seek", "40", "absolute"])
            let seeked = try Self.object(try await lines.next())
            #expect(seeked["event"] as? String == "seeked")
            #expect(abs(try #require(seeked["position"] as? Double) - 40) < 0.5)

            await mpv.stop()
            let vanished = try Self.object(try await lines.next())
            #expect(vanished["event"] as? String == "vanished")
            command.send(SIGTERM)
            #expect(await command.exited() == 128 + SIGTERM)
        }
    }

    @Test("players --watch reports the players as vanished and fails clearly when the bus goes away")
    func busLost() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bus = try await PrivateBus.start()
        let output = try FIFOLineReader(path: directory.file("watch.fifo"))
        let command = try ChildProcess(
            Self.executable, ["players", "--watch", "--json"],
            environment: ["DBUS_SESSION_BUS_ADDRESS": bus.address], output: .file(output.path)
        )
        defer { command.send(SIGKILL) }
        let lines = StreamRecorder(output.lines)
        let player: FakePlayer
        do {
            player = try await FakePlayer.start(on: bus.address, name: "doomed")
            #expect(try Self.object(try await lines.next())["event"] as? String == "appeared")
        } catch {
            try? await bus.stop()
            throw error
        }
        try await bus.stop()
        await player.vanish()
        let vanished = try Self.object(try await lines.next())
        #expect(vanished["event"] as? String == "vanished")
        #expect(vanished["bus_name"] as? String == "org.mpris.MediaPlayer2.doomed")
        #expect(try await lines.next().contains("lost the connection to the session bus"))
        #expect(await command.exited() != 0)
    }
}
