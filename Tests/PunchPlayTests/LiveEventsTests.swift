import Foundation
import PlaybackModel
import PunchPlay
import PunchPlaySandbox
import PunchPlayTestSupport
import Testing

@Suite("Live events against the sandbox (§5)", .timeLimit(.minutes(1)))
struct LiveEventsTests {
    private func start(_ client: PunchPlayClient, eventID: String) async throws {
        let payload = PlaybackPayload(
            mediaType: "movie",
            title: "Arrival",
            playbackSessionID: "s-\(eventID)",
            eventID: eventID,
            eventCreatedAt: 1_767_225_600_000
        )
        _ = try await client.send(PlaybackEvent(action: .start, payload: payload))
    }

    @Test("ready on connect, then playback-update after a write; the token goes in the header")
    func readyAndUpdate() async throws {
        try await SandboxHarness.run { harness in
            let credentials = try await harness.logIn()
            var events = harness.client.liveEvents(clock: harness.clock).makeAsyncIterator()
            guard case .ready(let connectedAt) = try await events.next() else {
                Issue.record("the first event must be ready")
                return
            }
            #expect(connectedAt != nil)
            try await start(harness.client, eventID: "e1")
            guard case .playbackUpdate(let sequence, _) = try await events.next() else {
                Issue.record("a write must produce a playback-update")
                return
            }
            #expect(sequence != nil)
            let request = try #require(await harness.requests("/playback/events").first)
            #expect(request.header("Authorization") == "Bearer \(credentials.accessToken.exposedValue)")
            #expect(request.header("Accept") == "text/event-stream")
            #expect(request.query == nil)
        }
    }

    @Test("A dropped stream reports the drop, backs off and reconnects with ready")
    func reconnects() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn()
            await harness.sandbox.inject(.dropConnection(count: 2, pathPrefix: "/api/platform/v1/playback/events"))
            var events = harness.client.liveEvents(clock: harness.clock).makeAsyncIterator()
            guard case .disconnected(_, let firstDelay) = try await events.next(),
                case .disconnected(_, let secondDelay) = try await events.next()
            else {
                Issue.record("two drops must be reported")
                return
            }
            #expect([firstDelay, secondDelay] == [.seconds(1), .seconds(2)])
            guard case .ready = try await events.next() else {
                Issue.record("the stream must reconnect")
                return
            }
            #expect(harness.clock.sleeps == [.seconds(1), .seconds(2)])
            #expect(await harness.requests("/playback/events").count == 3)
        }
    }

    @Test("The stream ends with login required when the login is revoked")
    func loginRequired() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn()
            await harness.sandbox.revokeTokens()
            let events = harness.client.liveEvents(clock: harness.clock)
            await #expect {
                for try await _ in events {}
            } throws: { error in
                (error as? PunchPlayError)?.retryClass == .loginRequired
            }
        }
    }

    @Test("A stream whose head never arrives times out and reconnects")
    func hangingConnect() async throws {
        try await SandboxHarness.run(requestTimeout: .seconds(1)) { harness in
            try await harness.logIn()
            await harness.sandbox.inject(.hang(pathPrefix: "/api/platform/v1/playback/events"))
            var events = harness.client.liveEvents(clock: harness.clock).makeAsyncIterator()
            guard case .disconnected(let reason, _) = try await events.next() else {
                Issue.record("the hanging connect must be reported")
                return
            }
            #expect(reason.contains("no answer"))
            guard case .ready = try await events.next() else {
                Issue.record("the stream must reconnect")
                return
            }
        }
    }

    @Test("A 401 on connect refreshes once and connects with the new token")
    func refreshOnConnect() async throws {
        try await SandboxHarness.run { harness in
            let original = try await harness.logIn()
            await harness.advanceServerOnly(by: 3_700)
            var events = harness.client.liveEvents(clock: harness.clock).makeAsyncIterator()
            guard case .ready = try await events.next() else {
                Issue.record("the stream must connect after the refresh")
                return
            }
            let statuses = await harness.requests("/playback/events").map(\.responseStatus)
            #expect(statuses.first == 401)
            #expect(await harness.requests("/auth/refresh").count == 1)
            let last = try #require(await harness.requests("/playback/events").last)
            #expect(last.header("Authorization") != "Bearer \(original.accessToken.exposedValue)")
        }
    }

    @Test("Without events:read the stream ends with the permanent 403 instead of reconnecting forever")
    func missingScope() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn(scopes: [SandboxScope.profileRead, SandboxScope.playbackRead])
            let events = harness.client.liveEvents(clock: harness.clock)
            await #expect {
                for try await _ in events {}
            } throws: { error in
                guard let error = error as? PunchPlayError else { return false }
                return error.status == 403 && error.requiredScope == "events:read"
            }
            #expect(await harness.requests("/playback/events").count == 1)
        }
    }
}
