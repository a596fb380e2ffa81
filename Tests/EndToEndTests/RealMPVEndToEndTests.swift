import AgentTestSupport
import BusTestSupport
import Foundation
import MPRISTestSupport
import PunchPlaySandbox
import TestSupport
import Testing

/// The built agent with a real mpv (mpv-mpris) on a private bus, driven with playerctl, reporting to the
/// sandbox: the "done when" of the agent.
@Suite("punchplay-mpris run with a real mpv", .serialized, .timeLimit(.minutes(2)))
struct RealMPVEndToEndTests {
    @Test("mpv playing a film gives start, pause and resume at the service, and the stop on SIGTERM")
    func realMPV() async throws {
        let media = try TemporaryDirectory()
        defer { media.remove() }
        let film = try await TestMedia.video(
            named: "Tears.of.Steel.2012.1080p.mkv",
            seconds: 60,
            title: "Tears of Steel",
            in: media
        )
        try await PrivateBus.with { bus in
            try await PunchPlaySandbox.withRunning { sandbox in
                let home = try AgentHome(
                    sandbox: sandbox, extraConfiguration: "[players.mpv]\nmin_duration_seconds = 10")
                defer { home.remove() }
                let tokens = try await home.logIn()
                let mpv = try MPVPlayer(files: [film], busAddress: bus.address, directory: media)
                do {
                    try await AgentProcess.with(
                        ["run", "--debug"],
                        environment: home.environment(busAddress: bus.address),
                        in: home
                    ) { agent in
                        let playback = RunEndToEndTests.playback
                        _ = try await sandbox.waitForRequests(pathPrefix: playback, count: 1, timeout: 30)
                        try await mpv.playerctl("pause")
                        _ = try await sandbox.waitForRequests(pathPrefix: playback, count: 2, timeout: 30)
                        try await mpv.playerctl("play")
                        _ = try await sandbox.waitForRequests(pathPrefix: playback, count: 3, timeout: 30)
                        #expect(await agent.terminate() == 0)
                        let actions = try await RunEndToEndTests.actionsUntilStop(at: sandbox)
                        #expect(actions == ["start", "pause", "resume", "stop"])
                        let start = try #require(await sandbox.acceptedEvents().first?.body)
                        #expect(start.contains("\"title\":\"Tears of Steel\""))
                        #expect(start.contains("\"media_type\":\"movie\""))
                        let printed = await agent.printed().joined(separator: "\n")
                        #expect(printed.contains("decided org.mpris.MediaPlayer2.mpv: start: movie"))
                        #expect(!printed.contains(tokens.accessToken))
                    }
                } catch {
                    await mpv.stop()
                    throw error
                }
                await mpv.stop()
            }
        }
    }
}
