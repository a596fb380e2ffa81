import Foundation
import MPRISTestSupport
import TestSupport
import Testing

/// `punchplay-mpris pause --for` beside the release agent and a real mpv that keeps playing: the open session
/// stops at once, nothing is reported while paused, not even across a restart of the agent, and reporting comes
/// back on time with a new session.
@Suite("release binary: private mode", .serialized, .timeLimit(.minutes(3)))
struct PrivateModeEndToEndTests {
    static let pauseSeconds: TimeInterval = 8

    @Test("pause --for stops the session, reports nothing while mpv plays on (across a restart), resumes on time")
    func pauseForAcrossRestart() async throws {
        try await ReleaseScenario.run(stopsAgent: true) { scenario in
            let film = try await scenario.file(.sintel, seconds: 120)
            try await scenario.withMPV(playing: [film]) { mpv in
                try await scenario.waitUntilStartSent()
                let beforePause = Date()
                let pause = try await scenario.command(["pause", "--for", "\(Int(Self.pauseSeconds))s"])
                #expect(pause.status == 0, "\(pause.errorOutput)")
                #expect(pause.output.contains("Reporting paused until"))
                try await scenario.sandbox.waitForEvents(1, "stop")

                let status = try await scenario.command(["status", "--json"])
                #expect(status.status == 0, "\(status.errorOutput)")
                let view = Self.agentView(in: status.output)
                let agent = try #require(view, "status --json: \(status.output)")
                #expect(agent["reporting_paused"] as? Bool == true)
                let until = try #require(agent["reporting_paused_until"] as? String)
                #expect(until.hasPrefix("20"), "an ISO 8601 time")
                let playing = try #require(agent["playing"] as? [[String: Any]])
                #expect(playing.first?["state"] as? String == "paused")

                #expect(await scenario.agent.terminate() == 0)
                try await scenario.withRestartedAgent { agent in
                    try await agent.waitForLine(containing: "private mode (set before the restart)")
                    let restarted = Self.agentView(in: try await scenario.command(["status", "--json"]).output)
                    #expect(restarted?["reporting_paused"] as? Bool == true, "the restarted agent shows the pause")
                    try await mpv.playerctl("pause")
                    try await agent.waitForLine(containing: "status: Optional(PlaybackModel.PlaybackStatus.paused)")
                    try await mpv.playerctl("play")
                    try await agent.waitForLine(containing: "status: Optional(PlaybackModel.PlaybackStatus.playing)")
                    try await scenario.sandbox.waitForEvents(2, "start")
                    let resumedAfter = Date().timeIntervalSince(beforePause)
                    #expect(resumedAfter >= Self.pauseSeconds, "not before the pause ends")
                    #expect(resumedAfter < Self.pauseSeconds + 10, "soon after it ends")
                    try await agent.waitForLine(containing: "private mode ended")
                    let pauseFile = scenario.home.stateDirectory + "/reporting-paused"
                    #expect(!FileManager.default.fileExists(atPath: pauseFile), "an ended pause is forgotten")
                    #expect(await agent.terminate() == 0)
                }
            }
            // The last stop goes out at SIGTERM: a send the shutdown cuts off is sent again (same event id).
            let events = try await scenario.checkedHistory(resending: .stopAtShutdown)
            #expect(
                PlaybackHistory.summary(events) == [
                    "start S1 Sintel", "stop S1 Sintel", "start S2 Sintel", "stop S2 Sintel",
                ],
                "nothing between the pause's stop and the new start"
            )
        }
    }

    @Test("pause until resumed: `resume` reports the film still playing as a new session")
    func pauseUntilResumed() async throws {
        try await ReleaseScenario.run { scenario in
            let film = try await scenario.file(.sintel, seconds: 120)
            try await scenario.withMPV(playing: [film]) { _ in
                try await scenario.waitUntilStartSent()
                #expect(try await scenario.command(["pause"]).status == 0)
                try await scenario.sandbox.waitForEvents(1, "stop")
                #expect(try await scenario.command(["resume"]).status == 0)
                try await scenario.sandbox.waitForEvents(2, "start")
            }
            try await scenario.sandbox.waitForEvents(2, "stop")
            let events = try await scenario.checkedHistory()
            #expect(
                PlaybackHistory.summary(events) == [
                    "start S1 Sintel", "stop S1 Sintel", "start S2 Sintel", "stop S2 Sintel",
                ]
            )
        }
    }

    /// The `agent` object of `status --json`.
    static func agentView(in output: String) -> [String: Any]? {
        let object = (try? JSONSerialization.jsonObject(with: Data(output.utf8))) as? [String: Any]
        return object?["agent"] as? [String: Any]
    }
}
