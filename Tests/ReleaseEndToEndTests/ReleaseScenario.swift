import AgentTestSupport
import BusTestSupport
import Foundation
import MPRISTestSupport
import PunchPlaySandbox
import TestSupport
import Testing

/// One scenario's world: a private session bus, the sandbox, a throw-away home logged in to it, and the release
/// `punchplay-mpris run` watching that bus, with a directory for the media the players play. Everything is torn
/// down when the scenario ends, whether it passes or fails.
struct ReleaseScenario: Sendable {
    let bus: PrivateBus
    let sandbox: PunchPlaySandbox
    let home: AgentHome
    let agent: AgentProcess
    let media: TemporaryDirectory

    /// Short test files count (no minimum duration) and periodic progress stays out of a scenario's span, so
    /// the event lists are exact; the settle window is `AgentHome`'s short one.
    static let defaults = """
        min_duration_seconds = 0
        progress_interval_seconds = 3600
        """

    /// Runs `body` once the agent watches the bus.
    ///
    /// - Parameters:
    ///   - allowingAnyUser: a bus VLC (run as `nobody`) can join.
    ///   - debug: `--debug`, so decisions and observations can be asserted on; off where a flood would
    ///     drown the log.
    ///   - stopsAgent: `body` ends the agent itself; otherwise it gets SIGTERM once `body` returns.
    ///   - configuration: TOML appended to the agent's configuration file (per-player tables).
    static func run(
        allowingAnyUser: Bool = false,
        debug: Bool = true,
        stopsAgent: Bool = false,
        configuration: String = "",
        _ body: (ReleaseScenario) async throws -> Void
    ) async throws {
        let binary = try BuiltBinary.release()
        let media = try TemporaryDirectory(prefix: "punchplay-release-e2e")
        defer { media.remove() }
        try await PrivateBus.with(allowingAnyUser: allowingAnyUser) { bus in
            try await PunchPlaySandbox.withRunning { sandbox in
                let home = try AgentHome(sandbox: sandbox, defaults: defaults, extraConfiguration: configuration)
                defer { home.remove() }
                try await home.logIn()
                try await AgentProcess.with(
                    debug ? ["run", "--debug"] : ["run"],
                    environment: home.environment(busAddress: bus.address),
                    in: home,
                    binary: binary
                ) { agent in
                    try await agent.waitForLine(containing: "watching media players on the session bus")
                    let scenario = ReleaseScenario(bus: bus, sandbox: sandbox, home: home, agent: agent, media: media)
                    do {
                        try await body(scenario)
                    } catch {
                        let log = await scenario.agentLogTail()
                        throw ScenarioError("\(error)\n\(log)")
                    }
                    if !stopsAgent { _ = await agent.terminate() }
                }
            }
        }
    }

    /// Runs `body` with a second release agent started on the same home and bus, as after a restart; the agent
    /// is killed if `body` fails.
    func withRestartedAgent<Result>(_ body: (AgentProcess) async throws -> Result) async throws -> Result {
        try await AgentProcess.with(
            ["run", "--debug"],
            environment: home.environment(busAddress: bus.address),
            in: home,
            binary: try BuiltBinary.release(),
            body
        )
    }

    /// Runs the release `punchplay-mpris` with `arguments` as the user would, beside the agent (same home, same
    /// bus).
    func command(_ arguments: [String]) async throws -> CommandRun {
        try await CommandRun.run(
            arguments,
            environment: home.environment(busAddress: bus.address),
            binary: try BuiltBinary.release(),
            timeLimit: .seconds(60)
        )
    }

    /// The agent's last lines, to explain a failed wait.
    func agentLogTail(lines: Int = 40) async -> String {
        "the agent's last \(lines) lines:\n" + (await agent.printed()).suffix(lines).joined(separator: "\n")
    }

    /// Writes `film` as a real `seconds`-long video into the media directory and returns its path.
    func file(_ film: TestFilm, seconds: Int) async throws -> String {
        try await TestMedia.video(named: film.fileName, seconds: seconds, title: film.title, in: media)
    }

    /// Runs `body` with a headless mpv playing `files` on the scenario's bus, killed afterwards.
    @discardableResult
    func withMPV<Result>(
        playing files: [String],
        extraArguments: [String] = [],
        _ body: (MPVPlayer) async throws -> Result
    ) async throws -> Result {
        let mpv = try MPVPlayer(files: files, busAddress: bus.address, directory: media, extraArguments: extraArguments)
        do {
            let result = try await body(mpv)
            await mpv.stop()
            return result
        } catch {
            await mpv.stop()
            throw error
        }
    }

    /// Runs `body` with VLC (as `nobody`) playing `files` on the scenario's bus, killed afterwards; needs a
    /// scenario run `allowingAnyUser`.
    @discardableResult
    func withVLC<Result>(playing files: [String], _ body: (VLCPlayer) async throws -> Result) async throws -> Result {
        let vlc = try await VLCPlayer.start(files: files, bus: bus, directory: media)
        do {
            let result = try await body(vlc)
            await vlc.kill()
            return result
        } catch {
            await vlc.kill()
            throw error
        }
    }

    /// Waits until the service accepted the first `start` and the agent logged it as sent, so every later line
    /// of the agent's output is about what came after.
    func waitUntilStartSent() async throws {
        try await sandbox.waitForEvents(1, "start")
        try await agent.waitForLine(containing: "sent start")
    }

    /// Pauses, resumes and stops `mpv` with playerctl, each step once the service accepted the one before.
    func pauseResumeAndStop(_ mpv: MPVPlayer) async throws {
        for (command, action) in [("pause", "pause"), ("play", "resume"), ("stop", "stop")] {
            try await mpv.playerctl(command)
            try await sandbox.waitForEvents(1, action)
        }
    }

    /// The accepted events after checking the rules every history keeps (see `PlaybackHistory`).
    func checkedHistory(
        resending: PlaybackHistory.Resending = .never,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [ReportedEvent] {
        let events = try await sandbox.reportedEvents()
        try PlaybackHistory.expectDeliveredOnceAndClosed(
            events, requests: await sandbox.playbackRequests(), resending: resending,
            sourceLocation: sourceLocation)
        return events
    }
}
