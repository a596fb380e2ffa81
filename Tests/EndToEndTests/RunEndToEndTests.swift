import AgentTestSupport
import BusTestSupport
import DBus
import Foundation
import MPRISTestSupport
import PunchPlaySandbox
import Testing

/// The built `punchplay-mpris run` against a fake player on a private session bus and the sandbox: what a
/// user's machine does, with every stage real.
@Suite("punchplay-mpris run, end to end", .serialized, .timeLimit(.minutes(2)))
struct RunEndToEndTests {
    static let playback = "/api/platform/v1/playback/"
    static let film = FakeMetadata(
        title: "Big Buck Bunny",
        url: "file:///home/user/Films/Big.Buck.Bunny.2008.1080p.mkv",
        length: .seconds(600)
    )

    /// A private bus with a fake mpv playing `film`, and the sandbox, for `body`.
    static func withPlayingFilm(
        _ body: (PrivateBus, FakePlayer, PunchPlaySandbox) async throws -> Void
    ) async throws {
        try await PrivateBus.with { bus in
            try await PunchPlaySandbox.withRunning { sandbox in
                let player = try await FakePlayer.start(on: bus.address, name: "mpv", identity: "mpv")
                try await player.setMetadata(film)
                try await player.setStatus(.playing)
                do {
                    try await body(bus, player, sandbox)
                } catch {
                    await player.vanish()
                    throw error
                }
                await player.vanish()
            }
        }
    }

    /// A logged-in agent running `arguments` (`run`) on a private bus where a film plays, reporting to the sandbox.
    static func withAgentBesidePlayingFilm(
        _ arguments: [String] = ["run"],
        _ body: (PrivateBus, PunchPlaySandbox, AgentProcess) async throws -> Void
    ) async throws {
        try await withPlayingFilm { bus, _, sandbox in
            let home = try AgentHome(sandbox: sandbox)
            defer { home.remove() }
            _ = try await home.logIn()
            try await AgentProcess.with(arguments, environment: home.environment(busAddress: bus.address), in: home) {
                agent in try await body(bus, sandbox, agent)
            }
        }
    }

    static func actions(_ requests: [RecordedRequest]) -> [String] {
        requests.map { String($0.path.dropFirst(playback.count)) }
    }

    /// Waits for the `stop`, then returns the actions the service accepted, each event once: a send cut off
    /// by the shutdown is sent again with the same `event_id`, which the service deduplicates.
    static func actionsUntilStop(at sandbox: PunchPlaySandbox) async throws -> [String] {
        _ = try await sandbox.waitForRequests(pathPrefix: playback + "stop", count: 1, timeout: 5)
        var seen: Set<String> = []
        return await sandbox.acceptedEvents().filter { seen.insert($0.eventID).inserted }.map(\.action)
    }

    @Test(
        "playback becomes start and pause at the service; SIGTERM delivers the stop and exits 0; debug log explains, hides the token"
    )
    func playbackAndShutdown() async throws {
        try await Self.withPlayingFilm { bus, player, sandbox in
            let home = try AgentHome(sandbox: sandbox)
            defer { home.remove() }
            let tokens = try await home.logIn()
            try await AgentProcess.with(
                ["run", "--debug"],
                environment: home.environment(busAddress: bus.address),
                in: home
            ) { agent in
                let started = try await sandbox.waitForRequests(pathPrefix: Self.playback, count: 1, timeout: 20)
                #expect(Self.actions(started) == ["start"])
                try await player.setStatus(.paused)
                let paused = try await sandbox.waitForRequests(pathPrefix: Self.playback, count: 2, timeout: 20)
                #expect(Self.actions(paused) == ["start", "pause"])

                #expect(await agent.terminate() == 0)
                #expect(try await Self.actionsUntilStop(at: sandbox) == ["start", "pause", "stop"])
                let events = await sandbox.acceptedEvents()
                #expect(Set(events.map(\.sessionID)).count == 1)
                let stop = try #require(events.last?.body)
                #expect(stop.contains("\"raw_filename\":\"Big.Buck.Bunny.2008.1080p.mkv\""))
                #expect(!stop.contains("/home/user/Films"))

                let printed = await agent.printed().joined(separator: "\n")
                #expect(printed.contains("observed appeared("))
                #expect(printed.contains("decided org.mpris.MediaPlayer2.mpv: start: "))
                #expect(printed.contains("decided org.mpris.MediaPlayer2.mpv: settled: Paused"))
                #expect(printed.contains("decided org.mpris.MediaPlayer2.mpv: stop: agent shutting down"))
                #expect(!printed.contains("the session bus went away"))
                #expect(printed.contains("sent start \"Big Buck Bunny\""))
                #expect(printed.contains("PunchPlay request succeeded"))
                #expect(printed.contains("request_id="))
                #expect(!printed.contains(tokens.accessToken))
                #expect(!printed.contains(tokens.refreshToken))
            }
        }
    }

    @Test("the bare command with --dry-run sends nothing, prints each event as a JSON line, stops on SIGINT")
    func dryRun() async throws {
        try await Self.withPlayingFilm { bus, player, sandbox in
            let home = try AgentHome(sandbox: sandbox)
            defer { home.remove() }
            try await AgentProcess.with(
                ["--dry-run"],
                environment: home.environment(busAddress: bus.address),
                in: home
            ) { agent in
                let start = try await agent.waitForLine(containing: "\"action\":\"start\"")
                let object = try #require(try JSONSerialization.jsonObject(with: Data(start.utf8)) as? [String: Any])
                let payload = try #require(object["payload"] as? [String: Any])
                #expect(payload["title"] as? String == "Big Buck Bunny")
                #expect(await agent.terminate(signal: SIGINT) == 0)
                try await agent.waitForLine(containing: "\"action\":\"stop\"", timeout: .seconds(5))
                #expect(await sandbox.recordedRequests(pathPrefix: Self.playback).isEmpty)
                let state = (try? FileManager.default.contentsOfDirectory(atPath: home.stateDirectory)) ?? []
                #expect(!state.contains("outbox.sqlite"))
            }
        }
    }

    @Test("SIGHUP applies a new configuration to the item on screen; a broken file keeps the running one")
    func reload() async throws {
        try await Self.withPlayingFilm { bus, player, sandbox in
            let home = try AgentHome(
                sandbox: sandbox, extraConfiguration: "[players.mpv]\nignore_titles = [\"(?i)bunny\"]")
            defer { home.remove() }
            _ = try await home.logIn()
            try await AgentProcess.with(
                ["run", "--debug"],
                environment: home.environment(busAddress: bus.address),
                in: home
            ) { agent in
                try await agent.waitForLine(containing: "ignored: title matches ignore pattern")
                try home.writeConfiguration("[players.mpv]\nignore_titles = [\"(?i)trailer\"]")
                agent.process.send(SIGHUP)
                try await agent.waitForLine(containing: "configuration reloaded")
                let started = try await sandbox.waitForRequests(pathPrefix: Self.playback, count: 1, timeout: 20)
                #expect(Self.actions(started) == ["start"])

                try home.writeConfiguration("[players.mpv]\nsettle_ms = \"soon\"")
                agent.process.send(SIGHUP)
                let rejected = try await agent.waitForLine(containing: "configuration not reloaded")
                #expect(rejected.contains("settle_ms"))
                try await player.setStatus(.paused)
                let paused = try await sandbox.waitForRequests(pathPrefix: Self.playback, count: 2, timeout: 20)
                #expect(Self.actions(paused) == ["start", "pause"])
                #expect(await agent.terminate() == 0)
                #expect(try await Self.actionsUntilStop(at: sandbox) == ["start", "pause", "stop"])
            }
        }
    }

    @Test("a stop the network cannot take at shutdown stays queued, the agent still exits 0, the next run sends it")
    func stopAfterRestart() async throws {
        try await Self.withPlayingFilm { bus, player, sandbox in
            let home = try AgentHome(sandbox: sandbox)
            defer { home.remove() }
            _ = try await home.logIn()
            let environment = home.environment(busAddress: bus.address)
            try await AgentProcess.with(["run"], environment: environment, in: home) { agent in
                _ = try await sandbox.waitForRequests(pathPrefix: Self.playback, count: 1, timeout: 20)
                await sandbox.inject(SandboxFault(kind: .hang, count: 100, pathPrefix: Self.playback + "stop"))
                #expect(await agent.terminate() == 0)
            }
            #expect(await sandbox.acceptedEvents().map(\.action) == ["start"])
            await sandbox.clearFaults()
            try await player.setStatus(.stopped)
            try await AgentProcess.with(["run"], environment: environment, in: home) { agent in
                let actions = try await Self.actionsUntilStop(at: sandbox)
                #expect(actions == ["start", "stop"])
                #expect(Set(await sandbox.acceptedEvents().map(\.sessionID)).count == 1)
                #expect(await agent.terminate() == 0)
            }
        }
    }

    @Test("without a login events are kept, the user is told, and they are sent once `login` tells the agent")
    func loginLater() async throws {
        try await Self.withPlayingFilm { bus, _, sandbox in
            let home = try AgentHome(sandbox: sandbox)
            defer { home.remove() }
            try await AgentProcess.with(
                ["run"],
                environment: home.environment(busAddress: bus.address),
                in: home
            ) { agent in
                try await agent.waitForLine(containing: "not logged in to PunchPlay")
                #expect(await sandbox.recordedRequests(pathPrefix: Self.playback).isEmpty)
                _ = try await home.logIn(tellingAgentOn: bus.address)
                let started = try await sandbox.waitForRequests(pathPrefix: Self.playback, count: 1, timeout: 20)
                #expect(Self.actions(started) == ["start"])
                #expect(await agent.terminate() == 0)
            }
        }
    }
}
