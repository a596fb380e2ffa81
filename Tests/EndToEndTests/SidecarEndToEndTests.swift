import AgentTestSupport
import BusTestSupport
import Foundation
import MPRISTestSupport
import PunchPlaySandbox
import TestSupport
import Testing

/// A playing file with a Kodi `movie.nfo` beside it: the built agent reads the sidecar and the ids and title
/// it names reach the service, whatever the file is called.
@Suite("punchplay-mpris run with .nfo sidecars, end to end", .serialized, .timeLimit(.minutes(2)))
struct SidecarEndToEndTests {
    @Test("the movie.nfo's tmdb_id, imdb_id, title and year are sent for a file with an uninformative name")
    func movieSidecarReachesTheService() async throws {
        let media = try TemporaryDirectory()
        defer { media.remove() }
        try FileManager.default.createDirectory(atPath: media.file("rip"), withIntermediateDirectories: true)
        try Data(
            """
            <movie><title>Avatar</title><year>2009</year>
            <uniqueid type="tmdb" default="true">19995</uniqueid><uniqueid type="imdb">tt0499549</uniqueid></movie>
            """.utf8
        ).write(to: URL(fileURLWithPath: media.file("rip/movie.nfo")))
        let film = FakeMetadata(
            title: "title_t00", url: "file://" + media.file("rip/title_t00.mkv"), length: .seconds(9000))
        try await PrivateBus.with { bus in
            try await PunchPlaySandbox.withRunning { sandbox in
                let player = try await FakePlayer.start(on: bus.address, name: "mpv", identity: "mpv")
                try await player.setMetadata(film)
                try await player.setStatus(.playing)
                let home = try AgentHome(sandbox: sandbox)
                defer { home.remove() }
                _ = try await home.logIn()
                try await AgentProcess.with(
                    ["run", "--debug"], environment: home.environment(busAddress: bus.address), in: home
                ) { agent in
                    _ = try await sandbox.waitForRequests(
                        pathPrefix: "/api/platform/v1/playback/", count: 1, timeout: 20)
                    let start = try #require(await sandbox.acceptedEvents().first)
                    #expect(start.action == "start")
                    #expect(start.body.contains("\"tmdb_id\":19995"), "\(start.body)")
                    #expect(start.body.contains("\"imdb_id\":\"tt0499549\""), "\(start.body)")
                    #expect(start.body.contains("\"title\":\"Avatar\""), "\(start.body)")
                    #expect(start.body.contains("\"year\":2009"), "\(start.body)")
                    #expect(await agent.terminate() == 0)
                }
                await player.vanish()
            }
        }
    }
}
