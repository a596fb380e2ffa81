import MPRISTestSupport
import PunchPlaySandbox
import Testing

/// The service misbehaving in the middle of a real mpv session: an outage, an access token that expired, a
/// login revoked. Whatever happens on the way, each event reaches the service once and in order.
@Suite("release binary: the service failing mid-session", .serialized, .timeLimit(.minutes(3)))
struct ServiceFaultEndToEndTests {
    static let refreshPath = "/api/platform/v1/auth/refresh"

    @Test("an outage (dropped connections, then 503s) holds pause and resume; once cleared each arrives once, in order")
    func networkOutageThenRecovery() async throws {
        try await ReleaseScenario.run { scenario in
            let sandbox = scenario.sandbox
            let film = try await scenario.file(.elephantsDream, seconds: 60)
            try await scenario.withMPV(playing: [film]) { mpv in
                try await scenario.waitUntilStartSent()
                await sandbox.inject(.dropConnection(count: 2, pathPrefix: PunchPlaySandbox.playbackPath))
                await sandbox.inject(.status(503, count: 1000, pathPrefix: PunchPlaySandbox.playbackPath))
                try await mpv.playerctl("pause")
                let failed = try await sandbox.waitUntil("three failed attempts to send the pause") {
                    let failed = await sandbox.playbackRequests().filter { $0.responseStatus != 200 }
                    return failed.count >= 3 ? failed : nil
                }
                #expect(failed.prefix(3).map(\.responseStatus) == [nil, nil, 503])
                try await mpv.playerctl("play")
                try await scenario.agent.waitForLine(containing: "settled: Playing")
                #expect(try await sandbox.reportedEvents().map(\.action) == ["start"], "nothing got through")
                await sandbox.clearFaults()
                try await sandbox.waitForEvents(1, "resume")
                try await mpv.playerctl("stop")
                try await sandbox.waitForEvents(1, "stop")
            }
            let events = try await scenario.checkedHistory()
            #expect(PlaybackHistory.summary(events) == PlaybackHistory.pausedAndResumed("Elephants Dream"))
        }
    }

    @Test("an access token that expires mid-session is refreshed once on the 401; nothing is lost or doubled")
    func tokenExpiryMidSession() async throws {
        try await ReleaseScenario.run { scenario in
            let sandbox = scenario.sandbox
            let film = try await scenario.file(.elephantsDream, seconds: 60)
            try await scenario.withMPV(playing: [film]) { mpv in
                try await sandbox.waitForEvents(1, "start")
                await sandbox.advanceClock(by: 2 * 3600)
                try await scenario.pauseResumeAndStop(mpv)
            }
            let events = try await scenario.checkedHistory()
            #expect(PlaybackHistory.summary(events) == PlaybackHistory.pausedAndResumed("Elephants Dream"))
            let requests = await sandbox.playbackRequests()
            let statuses = requests.map { $0.responseStatus ?? 0 }
            #expect(statuses == [200, 401, 200, 200, 200], "only the pause met the expired token, once")
            let refreshes = await sandbox.recordedRequests(pathPrefix: Self.refreshPath)
            #expect(refreshes.map(\.responseStatus) == [200], "one refresh")
            guard requests.count == 5 else { return }
            #expect(requests[1].body == requests[2].body, "the rejected pause is the one sent again")
            #expect(requests[0].header("authorization") != requests[2].header("authorization"), "with the new token")
        }
    }

    @Test("a login revoked mid-session holds the events; after a new login they arrive once, in order")
    func loginRevokedThenRelogin() async throws {
        try await ReleaseScenario.run { scenario in
            let sandbox = scenario.sandbox
            let film = try await scenario.file(.elephantsDream, seconds: 60)
            try await scenario.withMPV(playing: [film]) { mpv in
                try await scenario.waitUntilStartSent()
                await sandbox.revokeTokens()
                try await mpv.playerctl("pause")
                try await scenario.agent.waitForLine(containing: "not logged in to PunchPlay")
                try await mpv.playerctl("play")
                try await scenario.agent.waitForLine(containing: "settled: Playing")
                #expect(try await sandbox.reportedEvents().map(\.action) == ["start"], "held while logged out")
                try await scenario.home.logIn(tellingAgentOn: scenario.bus.address)
                try await scenario.agent.waitForLine(containing: "found a PunchPlay login: sending the held events")
                try await sandbox.waitForEvents(1, "resume")
                try await mpv.playerctl("stop")
                try await sandbox.waitForEvents(1, "stop")
            }
            let events = try await scenario.checkedHistory()
            #expect(PlaybackHistory.summary(events) == PlaybackHistory.pausedAndResumed("Elephants Dream"))
            let rejected = await sandbox.playbackRequests().filter { $0.responseStatus == 401 }
            #expect(!rejected.isEmpty, "the revoked token was refused")
            let refreshes = await sandbox.recordedRequests(pathPrefix: Self.refreshPath)
            #expect(!refreshes.isEmpty && refreshes.allSatisfy { $0.responseStatus != 200 }, "the refresh failed too")
        }
    }
}
