import Foundation
import MPRIS
import MPRISTestSupport
import PlaybackModel
import TestSupport
import Testing

/// The `fake-mpris-player` executable, scripted on standard input, seen by the watcher.
@Suite("fake-mpris-player")
struct FakePlayerExecutableTests {
    static var executable: String { BuiltBinary.path("fake-mpris-player") }

    @Test("commands on standard input become the observations they describe; bad commands are answered")
    func script() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await WatchedBus.with { watched in
            let input = try FIFOLineWriter(path: directory.file("input.fifo"))
            let output = try FIFOLineReader(path: directory.file("output.fifo"))
            let player = try ChildProcess(
                Self.executable, ["--name", "scripted"], environment: ["DBUS_SESSION_BUS_ADDRESS": watched.bus.address],
                input: .file(input.path), output: .file(output.path)
            )
            defer { player.send(SIGKILL) }
            let replies = StreamRecorder(output.lines)
            #expect(try await replies.next() == "ready org.mpris.MediaPlayer2.scripted")
            #expect(try #require(try await watched.recorder.next().appeared).info.identity == "Fake Player")

            try input.write("track 90 file:///m/Alpha.mkv Alpha Movie")
            #expect(try await replies.next() == "ok")
            let metadata = try #require(try await watched.recorder.next().changes?.metadata)
            #expect(
                metadata
                    == TrackMetadata(
                        trackID: "/0", title: "Alpha Movie", url: "file:///m/Alpha.mkv", length: .seconds(90)))

            try input.write("status Playing")
            #expect(try await replies.next() == "ok")
            #expect(try await watched.recorder.next().changes?.status == .playing)

            try input.write("seek 12")
            #expect(try await replies.next() == "ok")
            #expect(try await watched.recorder.next().seekedPosition == .seconds(12))

            try input.write("status Dancing")
            #expect(try await replies.next().hasPrefix("error: status takes Playing, Paused or Stopped"))

            try input.write("quit")
            #expect(try await watched.recorder.next().isVanished)
            #expect(await player.exited() == 0)
        }
    }
}
