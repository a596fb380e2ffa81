import BusTestSupport
import DBus
import Foundation
import MPRIS
import MPRISTestSupport
import PlaybackModel
import TestSupport
import Testing

/// The watcher against a real VLC 3, headless, run as `nobody` on a private bus that lets any user in, driven
/// through MPRIS method calls: the noisy player (two `Seeked` per seek, a transient `Stopped` on track changes).
@Suite("Watching a real VLC", .serialized, .timeLimit(.minutes(2)))
struct VLCObservationTests {
    /// A watched bus with VLC playing an untitled 30 s file then one titled "Clip 1"; VLC is killed afterwards.
    static func withVLC(_ body: (WatchedBus, VLCPlayer, [String]) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let files = [
            try await TestMedia.video(named: "clip0.mkv", seconds: 30, in: directory),
            try await TestMedia.video(named: "clip1.mkv", seconds: 30, title: "Clip 1", in: directory),
        ]
        try await PrivateBus.with(allowingAnyUser: true) { bus in
            try await WatchedBus.watching(bus) { watched in
                let vlc = try await VLCPlayer.start(files: files, bus: bus, directory: directory)
                do {
                    try await body(watched, vlc, files)
                } catch {
                    await vlc.kill()
                    throw error
                }
                await vlc.kill()
            }
        }
    }

    /// Waits until VLC is playing `file` with its length known and returns the state put together from the
    /// observations (VLC may take its name before the playlist starts) with the observations it took.
    @discardableResult
    static func waitUntilPlaying(
        _ file: String,
        in watched: WatchedBus
    ) async throws -> (state: PlayerProperties, observations: [PlayerObservation]) {
        var state = PlayerProperties()
        var observations: [PlayerObservation] = []
        let url = URL(fileURLWithPath: file).absoluteString
        while !(state.status == .playing && state.metadata?.url == url && state.metadata?.length != nil) {
            let observation = try await watched.recorder.next()
            observations.append(observation)
            switch observation {
            case .appeared(_, let properties), .changed(_, let properties):
                state.status = properties.status ?? state.status
                state.metadata = properties.metadata ?? state.metadata
            case .seeked, .vanished:
                break
            }
        }
        return (state, observations)
    }

    /// Waits until VLC has played `file` for 1.5 s. Until about a second into playback VLC is not steady: a
    /// seek emits only one `Seeked` (its seek detection is not primed) and a Next emits no transient `Stopped`.
    static func waitUntilSteady(_ vlc: VLCPlayer, playing file: String, in watched: WatchedBus) async throws {
        try await waitUntilPlaying(file, in: watched)
        try await vlc.waitUntilPosition(atLeast: .milliseconds(1500))
    }

    @Test("start: appears under its name, playing the file, with its url and length but no title without a tag")
    func start() async throws {
        try await Self.withVLC { watched, _, files in
            let (state, observations) = try await Self.waitUntilPlaying(files[0], in: watched)
            #expect(observations.first?.appeared?.info.busName == VLCPlayer.busName)
            #expect(state.metadata?.title == nil)
            let length = try #require(state.metadata?.length)
            #expect(abs((length - .seconds(30)) / .seconds(1)) < 0.5)
        }
    }

    @Test("pause and resume through MPRIS: Paused with a position, then Playing again")
    func pauseResume() async throws {
        try await Self.withVLC { watched, vlc, files in
            try await Self.waitUntilPlaying(files[0], in: watched)
            try await vlc.pause()
            let (paused, _) = try await watched.recorder.next { $0.changes?.status != nil }
            #expect(paused.changes?.status == .paused)
            let position = try #require(paused.changes?.position)
            #expect(position < .seconds(10))
            try await vlc.play()
            let (resumed, skipped) = try await watched.recorder.next { $0.changes?.status != nil }
            #expect(resumed.changes?.status == .playing)
            #expect(!skipped.contains { $0.isVanished })
        }
    }

    @Test("seek through MPRIS (SetPosition, then Seek back): two Seeked each, the target and the actual position")
    func seek() async throws {
        try await Self.withVLC { watched, vlc, files in
            try await Self.waitUntilSteady(vlc, playing: files[0], in: watched)
            try await vlc.setPosition(.seconds(20))
            let (target, before) = try await watched.recorder.next { $0.seekedPosition != nil }
            let (actual, between) = try await watched.recorder.next { $0.seekedPosition != nil }
            #expect((before + between).allSatisfy { $0.changes?.status == nil && !$0.isVanished })
            #expect(abs(try #require(target.seekedPosition) / .seconds(1) - 20) < 1)
            #expect(abs(try #require(actual.seekedPosition) / .seconds(1) - 20) < 1.5)
            try await vlc.seek(by: .seconds(-10))
            let (backTarget, _) = try await watched.recorder.next { $0.seekedPosition != nil }
            let (backActual, _) = try await watched.recorder.next { $0.seekedPosition != nil }
            #expect(abs(try #require(backTarget.seekedPosition) / .seconds(1) - 10.5) < 1.5)
            #expect(abs(try #require(backActual.seekedPosition) / .seconds(1) - 10.5) < 1.5)
        }
    }

    @Test("next: a transient Stopped, then the titled file's metadata and Playing")
    func next() async throws {
        try await Self.withVLC { watched, vlc, files in
            try await Self.waitUntilSteady(vlc, playing: files[0], in: watched)
            try await vlc.next()
            let (change, skipped) = try await watched.recorder.next { $0.changes?.metadata?.title == "Clip 1" }
            #expect(skipped.contains { $0.changes?.status == .stopped })
            #expect(change.changes?.metadata?.url == URL(fileURLWithPath: files[1]).absoluteString)
            if change.changes?.status != .playing {
                let (status, _) = try await watched.recorder.next { $0.changes?.status != nil }
                #expect(status.changes?.status == .playing)
            }
        }
    }

    @Test("stop: Stopped, and the metadata of the stopped file is kept")
    func stop() async throws {
        try await Self.withVLC { watched, vlc, files in
            try await Self.waitUntilPlaying(files[0], in: watched)
            try await vlc.stopPlayback()
            let (stopped, _) = try await watched.recorder.next { $0.changes?.status != nil }
            #expect(stopped.changes?.status == .stopped)
            #expect(stopped.changes?.metadata.map { $0.url == URL(fileURLWithPath: files[0]).absoluteString } != false)
            let metadata = try await watched.connection.getProperty(
                destination: VLCPlayer.busName, path: "/org/mpris/MediaPlayer2",
                interface: "org.mpris.MediaPlayer2.Player", name: "Metadata"
            )
            let url = metadata.asStringDictionary?["xesam:url"]?.unwrappedVariant.asString
            #expect(url == URL(fileURLWithPath: files[0]).absoluteString)
        }
    }

    @Test("quit through MPRIS: VLC vanishes and exits cleanly, leaving no zombie")
    func quit() async throws {
        try await Self.withVLC { watched, vlc, files in
            try await Self.waitUntilPlaying(files[0], in: watched)
            let status = try await vlc.quit()
            let (vanished, _) = try await watched.recorder.next { $0.isVanished }
            #expect(vanished.busName == VLCPlayer.busName)
            #expect(status == 0)
            #expect(!vlc.isRunning)
        }
    }

    @Test("kill -9: VLC vanishes and is reaped although it runs as another user")
    func killed() async throws {
        try await Self.withVLC { watched, vlc, files in
            try await Self.waitUntilPlaying(files[0], in: watched)
            await vlc.kill()
            let (vanished, skipped) = try await watched.recorder.next { $0.isVanished }
            #expect(vanished.busName == VLCPlayer.busName)
            #expect(!skipped.contains { $0.changes?.status == .stopped })
            #expect(!vlc.isRunning)
        }
    }
}
