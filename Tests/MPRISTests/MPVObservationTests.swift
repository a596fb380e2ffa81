import BusTestSupport
import Foundation
import MPRIS
import MPRISTestSupport
import PlaybackModel
import TestSupport
import Testing

/// The watcher against a real mpv with mpv-mpris, headless, on a private bus, driven through MPRIS
/// (playerctl) and from inside the player (mpv's IPC socket).
@Suite("Watching a real mpv", .serialized)
struct MPVObservationTests {
    /// A watched bus with mpv playing freshly generated files; mpv is killed afterwards.
    static func withMPV(
        seconds: [Int] = [30, 30],
        arguments: [String] = [],
        _ body: (WatchedBus, MPVPlayer, [String]) async throws -> Void
    ) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var files: [String] = []
        for (index, length) in seconds.enumerated() {
            files.append(
                try await TestMedia.video(
                    named: "clip\(index).mkv", seconds: length, title: "Clip \(index)", in: directory)
            )
        }
        try await WatchedBus.with { watched in
            let mpv = try MPVPlayer(
                files: files, busAddress: watched.bus.address, directory: directory, extraArguments: arguments
            )
            do {
                try await body(watched, mpv, files)
            } catch {
                await mpv.stop()
                throw error
            }
            await mpv.stop()
        }
    }

    /// Waits until mpv is playing `file` with its full metadata (it may arrive in several steps) and returns
    /// the state put together from the observations.
    static func waitUntilPlaying(_ file: String, title: String, in watched: WatchedBus) async throws -> PlayerProperties
    {
        var state = PlayerProperties()
        let url = URL(fileURLWithPath: file).absoluteString
        while !(state.status == .playing && state.metadata?.title == title && state.metadata?.length != nil
            && state.metadata?.url == url)
        {
            switch try await watched.recorder.next() {
            case .appeared(_, let properties), .changed(_, let properties):
                state.status = properties.status ?? state.status
                state.metadata = properties.metadata ?? state.metadata
            case .seeked, .vanished:
                break
            }
        }
        return state
    }

    @Test("start: appears playing the first file with title, url and length")
    func start() async throws {
        try await Self.withMPV { watched, _, files in
            let state = try await Self.waitUntilPlaying(files[0], title: "Clip 0", in: watched)
            let length = try #require(state.metadata?.length)
            #expect(abs((length - .seconds(30)) / .seconds(1)) < 0.5)
        }
    }

    @Test("pause and resume through MPRIS: one status change each, with a fresh position")
    func pauseResume() async throws {
        try await Self.withMPV { watched, mpv, files in
            _ = try await Self.waitUntilPlaying(files[0], title: "Clip 0", in: watched)
            try await mpv.playerctl("pause")
            let paused = try #require(try await watched.recorder.next().changes)
            #expect(paused.status == .paused)
            let position = try #require(paused.position)
            let mpvPosition = try await mpv.ipc.number("time-pos")
            #expect(abs(position / .seconds(1) - mpvPosition) < 0.5)
            try await mpv.playerctl("play")
            #expect(try await watched.recorder.next().changes?.status == .playing)
        }
    }

    @Test("seek through MPRIS and from inside mpv: one Seeked each, at the new position")
    func seek() async throws {
        try await Self.withMPV { watched, mpv, files in
            _ = try await Self.waitUntilPlaying(files[0], title: "Clip 0", in: watched)
            try await mpv.playerctl("position", "20")
            let viaMPRIS = try #require(try await watched.recorder.next().seekedPosition)
            #expect(abs(viaMPRIS / .seconds(1) - 20) < 0.5)
            try await mpv.ipc.command(["seek", "8", "absolute"])
            let viaIPC = try #require(try await watched.recorder.next().seekedPosition)
            #expect(abs(viaIPC / .seconds(1) - 8) < 0.5)
        }
    }

    @Test("next: a track change with the new file and a position near zero")
    func next() async throws {
        try await Self.withMPV { watched, mpv, files in
            _ = try await Self.waitUntilPlaying(files[0], title: "Clip 0", in: watched)
            try await mpv.playerctl("position", "10")
            _ = try await watched.recorder.next { $0.seekedPosition != nil }
            try await mpv.playerctl("next")
            let (change, _) = try await watched.recorder.next { $0.changes?.metadata?.title == "Clip 1" }
            let properties = try #require(change.changes)
            #expect(properties.metadata?.url == URL(fileURLWithPath: files[1]).absoluteString)
            #expect(try #require(properties.position) < .seconds(2))
        }
    }

    @Test("natural end of a track: the next file's metadata follows, still playing")
    func naturalEnd() async throws {
        try await Self.withMPV(seconds: [3, 30]) { watched, _, files in
            _ = try await Self.waitUntilPlaying(files[0], title: "Clip 0", in: watched)
            let (next, skipped) = try await watched.recorder.next {
                $0.changes?.metadata?.title == "Clip 1" && $0.changes?.metadata?.length != nil
            }
            #expect(next.changes?.metadata?.url == URL(fileURLWithPath: files[1]).absoluteString)
            #expect(!skipped.contains { $0.isVanished || $0.changes?.status == .stopped })
        }
    }

    @Test("stop: Stopped, then the empty /noplaylist track")
    func stop() async throws {
        try await Self.withMPV { watched, mpv, files in
            _ = try await Self.waitUntilPlaying(files[0], title: "Clip 0", in: watched)
            try await mpv.playerctl("stop")
            let (stopped, _) = try await watched.recorder.next { $0.changes?.status == .stopped }
            #expect(stopped.busName == MPVPlayer.busName)
            let (cleared, _) = try await watched.recorder.next { $0.changes?.metadata != nil }
            #expect(cleared.changes?.metadata?.trackID == "/noplaylist")
            #expect(cleared.changes?.metadata?.title == nil)
        }
    }

    @Test("quit: mpv vanishes")
    func quit() async throws {
        try await Self.withMPV { watched, mpv, files in
            _ = try await Self.waitUntilPlaying(files[0], title: "Clip 0", in: watched)
            try await mpv.ipc.command(["quit"])
            let (vanished, skipped) = try await watched.recorder.next { $0.isVanished }
            #expect(vanished.busName == MPVPlayer.busName)
            #expect(skipped.allSatisfy { $0.changes?.status == .stopped })
            #expect(await mpv.process.exited() == 0)
        }
    }

    @Test("kill -9: mpv vanishes")
    func killed() async throws {
        try await Self.withMPV { watched, mpv, files in
            _ = try await Self.waitUntilPlaying(files[0], title: "Clip 0", in: watched)
            mpv.process.send(SIGKILL)
            #expect(try await watched.recorder.next() == .vanished(busName: MPVPlayer.busName))
        }
    }

    @Test("a player that stops answering does not hold up another player")
    func frozenPlayer() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try await TestMedia.video(named: "frozen.mkv", seconds: 30, title: "Frozen", in: directory)
        try await PrivateBus.with { bus in
            let frozen = try MPVPlayer(files: [file], busAddress: bus.address, directory: directory)
            defer { frozen.process.send(SIGKILL) }
            try await WatchedBus.watching(bus) { watched in
                _ = try await Self.waitUntilPlaying(file, title: "Frozen", in: watched)
            }
            frozen.process.send(SIGSTOP)
            try await WatchedBus.watching(bus, callTimeout: .seconds(5)) { watched in
                let healthy = try await FakePlayer.start(on: bus.address, name: "healthy")
                let first = try await watched.recorder.next(timeout: .seconds(4))
                #expect(first.appeared?.info.busName == healthy.busName)
                try await healthy.setStatus(.playing)
                #expect(try await watched.recorder.next(timeout: .seconds(4)).changes?.status == .playing)
                let late = try #require(try await watched.recorder.next(timeout: .seconds(15)).appeared)
                #expect(late.info.busName == MPVPlayer.busName)
                #expect(late.properties == PlayerProperties())
            }
            frozen.process.send(SIGCONT)
            await frozen.stop()
        }
    }
}
