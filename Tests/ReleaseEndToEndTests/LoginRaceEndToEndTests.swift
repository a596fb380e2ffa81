import Foundation
import MPRISTestSupport
import PunchPlaySandbox
import TestSupport
import Testing

/// The release agent reporting a film while `status`, `doctor` and `login` run beside it, each round on an access
/// token the service has just expired, with refresh tokens that rotate and a reused one revoking the whole login
/// (the sandbox's rules, and OAuth's current practice): whoever refreshes holds the login lock, the others use
/// what it saved, so nobody is ever logged out.
@Suite("release binary: the agent and the commands share one login", .serialized, .timeLimit(.minutes(6)))
struct LoginRaceEndToEndTests {
    static let rounds = 20
    /// Every `loginEvery`th round also runs `login`, which replaces the login while the others refresh it.
    static let loginEvery = 5
    /// How long the sandbox takes to answer a refresh: a window wide enough that, without the login lock, two
    /// processes would refresh the same pair (and the reuse would revoke the login) in most runs.
    static let refreshDelay = 0.3

    @Test("20 rounds on an expired token: never logged out, every event once and in order, no refresh token reused")
    func commandsRaceTheAgent() async throws {
        try await ReleaseScenario.run { scenario in
            let sandbox = scenario.sandbox
            await sandbox.setAutoApproveAfterPolls(1)
            let film = try await scenario.file(.sintel, seconds: 600)
            var commandRuns = 0
            try await scenario.withMPV(playing: [film]) { mpv in
                try await scenario.waitUntilStartSent()
                var random = SystemRandomNumberGenerator()
                for round in 1...Self.rounds {
                    await sandbox.advanceClock(by: 2 * 3600)
                    await sandbox.clearFaults()
                    await sandbox.inject(
                        .delay(Self.refreshDelay, count: 10, pathPrefix: "/api/platform/v1/auth/refresh"))
                    let action = round.isMultiple(of: 2) ? "resume" : "pause"
                    let delays = (0..<4).map { _ in Duration.milliseconds(Int.random(in: 0..<300, using: &random)) }
                    async let toggled: Void = {
                        try await Task.sleep(for: delays[0])
                        _ = try await mpv.playerctl(action == "pause" ? "pause" : "play")
                        try await sandbox.waitForEvents((round + 1) / 2, action)
                    }()
                    async let status = Self.run(["status"], after: delays[1], in: scenario)
                    async let doctor = Self.run(["doctor"], after: delays[2], in: scenario)
                    async let login =
                        round.isMultiple(of: Self.loginEvery)
                        ? Self.run(["login"], after: delays[3], in: scenario) : nil
                    let runs = try await [status, doctor, login].compactMap { $0 }
                    try await toggled
                    for run in runs {
                        #expect(run.status == 0, "round \(round): \(run.output)\(run.errorOutput)")
                    }
                    commandRuns += runs.count
                }
                try await mpv.playerctl("stop")
                try await sandbox.waitForEvents(1, "stop")
            }
            let printed = await scenario.agent.printed().joined(separator: "\n")
            #expect(!printed.contains("not logged in to PunchPlay"), "the agent never lost the login")
            #expect(!printed.contains("refused the saved login"))
            let statistics = await sandbox.refreshStatistics()
            #expect(statistics.reuseDetections == 0, "no refresh token was used twice")
            #expect(statistics.refreshes >= Self.rounds - Self.rounds / Self.loginEvery, "each round refreshed")
            let events = try await scenario.checkedHistory()
            let expected =
                ["start S1 Sintel"]
                + (1...Self.rounds).map { "\($0.isMultiple(of: 2) ? "resume" : "pause") S1 Sintel" }
                + ["stop S1 Sintel"]
            #expect(PlaybackHistory.summary(events) == expected)
            print(
                "login race: \(Self.rounds) rounds, \(commandRuns) commands beside the agent, "
                    + "\(statistics.refreshes) refreshes, \(statistics.reuseDetections) reused refresh tokens, "
                    + "\(events.count) events delivered"
            )
        }
    }

    /// Runs the release `punchplay-mpris` after `delay`.
    static func run(_ arguments: [String], after delay: Duration, in scenario: ReleaseScenario) async throws
        -> CommandRun
    {
        try await Task.sleep(for: delay)
        return try await scenario.command(arguments)
    }
}
