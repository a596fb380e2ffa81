import Foundation
import PlaybackModel
import PunchPlay
import PunchPlaySandbox
import PunchPlayTestSupport
import Testing

@Suite("Playback writes against the sandbox (§4)")
struct PlaybackWriteTests {
    private func event(
        _ action: PlaybackAction,
        session: String = "session-1",
        eventID: String,
        at milliseconds: Int64,
        progress: Double? = 0.1
    ) -> PlaybackEvent {
        var payload = PlaybackPayload(
            mediaType: "movie",
            title: "Arrival",
            playbackSessionID: session,
            eventID: eventID,
            eventCreatedAt: milliseconds
        )
        payload.year = 2016
        payload.tmdbID = 329_865
        payload.progress = progress
        payload.positionSeconds = 700
        payload.durationSeconds = 6_960
        payload.deviceID = "device-1"
        payload.clientVersion = "9.9.9"
        return PlaybackEvent(action: action, payload: payload)
    }

    @Test("A start is sent with the exact encoding, user agent and bearer token; canonical ids come back")
    func start() async throws {
        try await SandboxHarness.run { harness in
            let credentials = try await harness.logIn()
            let receipt = try await harness.client.send(event(.start, eventID: "e1", at: 1_767_225_600_123))
            #expect(receipt.ok)
            #expect(!receipt.deduped)
            #expect(receipt.tmdbID == 329_865)
            #expect(receipt.punchplayID?.hasPrefix("pp_") == true)
            let request = try #require(await harness.requests("/playback/start").first)
            #expect(request.responseStatus == 200)
            #expect(request.header("User-Agent") == "punchplay-mpris/9.9.9")
            #expect(request.header("Authorization") == "Bearer \(credentials.accessToken.exposedValue)")
            #expect(request.header("Content-Type") == "application/json")
            let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any])
            #expect((body["event_created_at"] as? NSNumber)?.int64Value == 1_767_225_600_123)
            #expect(body["playback_session_id"] as? String == "session-1")
            #expect(body["media_type"] as? String == "movie")
        }
    }

    @Test("A progress above 1 reaches the service clamped to 1")
    func clampedProgress() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn()
            _ = try await harness.client.send(event(.start, eventID: "e1", at: 1_767_225_601_000))
            let receipt = try await harness.client.send(
                event(.progress, eventID: "e2", at: 1_767_225_602_000, progress: 1.3))
            #expect(receipt.ok)
            let request = try #require(await harness.requests("/playback/progress").first)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any])
            #expect((body["progress"] as? NSNumber)?.doubleValue == 1)
        }
    }

    @Test("The same event_id twice is deduped by the service")
    func deduped() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn()
            let start = event(.start, eventID: "e1", at: 1_767_225_601_000)
            _ = try await harness.client.send(start)
            let again = try await harness.client.send(start)
            #expect(again.deduped)
        }
    }

    @Test("A pause for a never-started session is a permanent 409 with a request id")
    func conflict() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn()
            await #expect {
                try await harness.client.send(event(.pause, session: "never", eventID: "p1", at: 1_767_225_601_000))
            } throws: { error in
                guard let error = error as? PunchPlayError else { return false }
                return error.status == 409 && error.retryClass == .permanent && error.requestID != nil
            }
        }
    }

    @Test("A token without playback:write gets a 403 naming the scope that holds for a new login, not a dead end")
    func insufficientScope() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn(scopes: [SandboxScope.profileRead])
            await #expect {
                try await harness.client.send(event(.start, eventID: "e1", at: 1_767_225_601_000))
            } throws: { error in
                guard let error = error as? PunchPlayError else { return false }
                return error.status == 403 && error.requiredScope == "playback:write"
                    && error.retryClass == .loginRequired && error.message.contains("playback:write")
                    && error.message.contains("punchplay-mpris login")
            }
        }
    }

    @Test(
        "Write failures carry their retry class, Retry-After and request id",
        arguments: [
            (429, RetryClass.transient, 12 as Int?), (503, .transient, nil), (500, .transient, nil),
            (400, .permanent, nil), (404, .permanent, nil), (408, .transient, nil),
        ] as [(Int, RetryClass, Int?)]
    )
    func failureClasses(status: Int, retryClass: RetryClass, retryAfter: Int?) async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn()
            await harness.sandbox.inject(
                .status(status, pathPrefix: "/api/platform/v1/playback", retryAfterSeconds: retryAfter)
            )
            await #expect {
                try await harness.client.send(event(.start, eventID: "e1", at: 1_767_225_601_000))
            } throws: { error in
                guard let error = error as? PunchPlayError else { return false }
                return error.status == status && error.retryClass == retryClass
                    && error.retryAfter == retryAfter.map { .seconds($0) } && error.requestID != nil
            }
        }
    }
}
