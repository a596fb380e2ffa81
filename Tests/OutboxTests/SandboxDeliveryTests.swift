import Foundation
import PlaybackModel
import PunchPlay
import PunchPlaySandbox
import TestSupport
import Testing

@testable import Outbox

@Suite("Outbox against the sandbox over HTTP: outages, rate limits, tokens, dead letters")
struct SandboxDeliveryTests {
    private static let playback = "/api/platform/v1/playback"
    /// No `progress`: one queued behind its session could be coalesced away by the `stop`, by design.
    private static let session: [PlaybackAction] = [.start, .pause, .resume, .stop]

    @Test("offline for a while (dropped connections) then back: everything delivered once, in order")
    func offlineThenBack() async throws {
        try await SandboxOutbox.run { outbox in
            await outbox.sandbox.inject(.dropConnection(count: 25, pathPrefix: Self.playback))
            let first = outbox.events(Self.session, session: "offline-a")
            let second = outbox.events([.start, .pause, .stop], session: "offline-b")
            await outbox.enqueue(first)
            await outbox.enqueue(second)
            try await outbox.waitUntilDelivered(7)
            let accepted = await outbox.sandbox.acceptedEvents()
            #expect(accepted.filter { $0.sessionID == "offline-a" }.map(\.eventID) == first.map(\.payload.eventID))
            #expect(accepted.filter { $0.sessionID == "offline-b" }.map(\.eventID) == second.map(\.payload.eventID))
            #expect(accepted.allSatisfy { $0.ignoredReason == nil })
            let attempts = await outbox.sandbox.recordedRequests(pathPrefix: Self.playback).count
            #expect(attempts >= 7 + 25)
        }
    }

    @Test("a 429 storm is waited out as the server asks (Retry-After), nothing lost or doubled")
    func rateLimitStorm() async throws {
        try await SandboxOutbox.run { outbox in
            await outbox.sandbox.inject(.status(429, count: 3, pathPrefix: Self.playback, retryAfterSeconds: 1))
            let events = outbox.events(Self.session, session: "storm")
            let started = ContinuousClock.now
            await outbox.enqueue(events)
            try await outbox.waitUntilDelivered(4)
            #expect(ContinuousClock.now - started >= .seconds(3))
            #expect(await outbox.acceptedIDs() == events.map(\.payload.eventID))
        }
    }

    @Test("500s and 503s are retried until the server recovers")
    func serverErrors() async throws {
        try await SandboxOutbox.run { outbox in
            await outbox.sandbox.inject(.status(500, count: 4, pathPrefix: Self.playback))
            await outbox.sandbox.inject(.status(503, count: 4, pathPrefix: Self.playback))
            let events = outbox.events(Self.session, session: "errors")
            await outbox.enqueue(events)
            try await outbox.waitUntilDelivered(4)
            #expect(await outbox.acceptedIDs() == events.map(\.payload.eventID))
        }
    }

    @Test("garbage answered with 200 (not JSON, wrong types, 10 MB) is retried; each event lands once, in order")
    func garbageAnswers() async throws {
        try await SandboxOutbox.run { outbox in
            await outbox.sandbox.inject(.notJSON(count: 2, pathPrefix: Self.playback))
            await outbox.sandbox.inject(.wrongTypes(count: 2, pathPrefix: Self.playback))
            await outbox.sandbox.inject(.hugeBody(count: 1, pathPrefix: Self.playback))
            let events = outbox.events(Self.session, session: "garbage")
            await outbox.enqueue(events)
            try await outbox.waitUntilDelivered(4)
            #expect(await outbox.acceptedIDs() == events.map(\.payload.eventID))
            #expect(await outbox.sandbox.recordedRequests(pathPrefix: Self.playback).count >= 4 + 5)
        }
    }

    @Test("a hanging server times out and the event is sent again")
    func hangingServer() async throws {
        try await SandboxOutbox.run(requestTimeout: .milliseconds(500)) { outbox in
            await outbox.sandbox.inject(.hang(count: 2, pathPrefix: Self.playback))
            let events = outbox.events([.start, .stop], session: "hang")
            await outbox.enqueue(events)
            try await outbox.waitUntilDelivered(2)
            #expect(await outbox.acceptedIDs() == events.map(\.payload.eventID))
        }
    }

    @Test("a slow server that answers within the time-out is waited for: each event is sent once")
    func slowServer() async throws {
        try await SandboxOutbox.run(requestTimeout: .seconds(2)) { outbox in
            await outbox.sandbox.inject(.delay(0.4, count: 4, pathPrefix: Self.playback))
            let events = outbox.events(Self.session, session: "slow")
            await outbox.enqueue(events)
            try await outbox.waitUntilDelivered(4)
            #expect(await outbox.acceptedIDs() == events.map(\.payload.eventID))
            #expect(await outbox.sandbox.recordedRequests(pathPrefix: Self.playback).count == 4)
        }
    }

    @Test("a server slower than the time-out gets the event again; the late original is deduped, never doubled")
    func slowerThanTimeout() async throws {
        try await SandboxOutbox.run(requestTimeout: .milliseconds(300)) { outbox in
            await outbox.sandbox.inject(.delay(1, count: 1, pathPrefix: Self.playback))
            let events = outbox.events([.start, .stop], session: "late")
            await outbox.enqueue(events)
            try await outbox.waitUntilDelivered(2)
            // The original start, answered after the client gave up on it, then the resent start and the stop.
            let answered = try await outbox.sandbox.waitForRequests(pathPrefix: Self.playback, count: 3)
            #expect(answered.count == 3)
            let accepted = await outbox.sandbox.acceptedEvents()
            #expect(accepted.map(\.eventID) == events.map(\.payload.eventID))
            #expect(accepted.allSatisfy { $0.ignoredReason == nil })
        }
    }

    @Test("a token that expires mid-queue is refreshed once and delivery goes on")
    func expiredTokenMidQueue() async throws {
        try await SandboxOutbox.run { outbox in
            let events = outbox.events(Self.session, session: "expiry")
            await outbox.enqueue(Array(events.prefix(2)))
            try await outbox.waitUntilDelivered(2)
            await outbox.sandbox.advanceClock(by: 2 * 3600)
            await outbox.enqueue(Array(events.dropFirst(2)))
            try await outbox.waitUntilDelivered(4)
            #expect(await outbox.acceptedIDs() == events.map(\.payload.eventID))
            let refreshes = await outbox.sandbox.recordedRequests(pathPrefix: "/api/platform/v1/auth/refresh")
            #expect(refreshes.count == 1)
        }
    }

    @Test("a token refresh that hangs, then answers garbage, is retried until it works; nothing lost or doubled")
    func refreshFaults() async throws {
        let refresh = "/api/platform/v1/auth/refresh"
        try await SandboxOutbox.run { outbox in
            let events = outbox.events(Self.session, session: "refresh-faults")
            await outbox.enqueue(Array(events.prefix(1)))
            try await outbox.waitUntilDelivered(1)
            await outbox.sandbox.advanceClock(by: 2 * 3600)
            await outbox.sandbox.inject(.hang(count: 1, pathPrefix: refresh))
            await outbox.sandbox.inject(.notJSON(count: 1, pathPrefix: refresh))
            await outbox.sandbox.inject(.wrongTypes(count: 1, pathPrefix: refresh))
            await outbox.enqueue(Array(events.dropFirst()))
            try await outbox.waitUntilDelivered(4)
            #expect(await outbox.acceptedIDs() == events.map(\.payload.eventID))
            // The hang, the two garbage answers, then the refresh that worked.
            #expect(await outbox.sandbox.recordedRequests(pathPrefix: refresh).count == 4)
            #expect(await outbox.delivery.currentState.phase != .loginRequired)
        }
    }

    @Test("login revoked: everything is held; after a new login all is delivered in order")
    func loginRevokedThenRelogin() async throws {
        try await SandboxOutbox.run { outbox in
            let events = outbox.events(Self.session, session: "revoked")
            await outbox.enqueue(Array(events.prefix(1)))
            try await outbox.waitUntilDelivered(1)
            await outbox.sandbox.revokeTokens()
            await outbox.enqueue(Array(events.dropFirst()))
            let delivery = outbox.delivery
            try await withTimeout {
                for await state in await delivery.states() where state.phase == .loginRequired { return }
            }
            let snapshot = try await outbox.store.snapshot()
            #expect(snapshot.loginRequiredSince != nil)
            #expect(snapshot.pendingCount == 3)
            #expect(await outbox.acceptedIDs() == ["revoked-0"])

            try await outbox.client.tokens.adopt(credentials(from: outbox.sandbox.issueTokens()))
            try await outbox.delivery.loginRestored()
            try await outbox.waitUntilDelivered(4)
            #expect(await outbox.acceptedIDs() == events.map(\.payload.eventID))
            #expect(try await outbox.store.snapshot().loginRequiredSince == nil)
        }
    }

    @Test("a 403 other than insufficient_scope on a write is permanent: a dead letter, never retried; others go on")
    func forbiddenToDeadLetters() async throws {
        try await SandboxOutbox.run { outbox in
            await outbox.sandbox.inject(
                .status(403, code: "access_denied", count: 1, pathPrefix: Self.playback + "/start"))
            let refused = outbox.events([.start], session: "forbidden")
            let fine = outbox.events([.start, .stop], session: "fine")
            await outbox.enqueue(refused + fine)
            try await outbox.waitUntilDelivered(2)
            let snapshot = try await outbox.store.snapshot()
            #expect(snapshot.deadLetters.map(\.eventID) == ["forbidden-0"])
            #expect(snapshot.deadLetters.map(\.status) == [403])
            #expect(await outbox.acceptedIDs() == ["fine-0", "fine-1"])
            #expect(await outbox.sandbox.recordedRequests(pathPrefix: Self.playback + "/start").count == 2)
        }
    }

    @Test("permanent errors reach the dead letters with the server's request id; the rest goes on")
    func permanentErrorsToDeadLetters() async throws {
        try await SandboxOutbox.run { outbox in
            await outbox.sandbox.inject(.status(422, count: 1, pathPrefix: Self.playback + "/pause"))
            let events = outbox.events(Self.session, session: "permanent")
            // A pause for a session that was never started: the service answers 409.
            let orphan = outbox.events([.pause], session: "orphan")
            await outbox.enqueue(events + orphan)
            try await outbox.waitUntilDelivered(3)
            let snapshot = try await outbox.store.snapshot()
            #expect(snapshot.deadLetters.map(\.eventID) == ["permanent-1", "orphan-0"])
            #expect(snapshot.deadLetters.map(\.status) == [422, 409])
            #expect(snapshot.deadLetters.allSatisfy { ($0.requestID ?? "").isEmpty == false })
            #expect(await outbox.acceptedIDs() == ["permanent-0", "permanent-2", "permanent-3"])

            try await outbox.delivery.retryDeadLetters(eventIDs: ["permanent-1"])
            try await outbox.waitUntilDelivered(4)
            let late = await outbox.sandbox.acceptedEvents(sessionID: "permanent").last
            #expect(late?.eventID == "permanent-1")
            #expect(late?.ignoredReason == "session_stopped")
        }
    }

    @Test("pacing keeps a burst under the service's playback budget: no 429 at all")
    func pacingAvoids429() async throws {
        let pacing = PacingPolicy(burst: 5, writesPerWindow: 10, window: .seconds(3))
        try await SandboxOutbox.run(pacing: pacing) { outbox in
            await outbox.sandbox.setRateLimits(SandboxRateLimits(playbackWrites: RateBudget(limit: 16, window: 3)))
            var events: [PlaybackEvent] = []
            for index in 0..<4 { events += outbox.events([.start, .pause, .resume, .stop], session: "paced-\(index)") }
            await outbox.enqueue(events)
            try await outbox.waitUntilDelivered(16, seconds: 60)
            let statuses = await outbox.sandbox.recordedRequests(pathPrefix: Self.playback).map(\.responseStatus)
            #expect(!statuses.contains(429))
            #expect(await outbox.sandbox.acceptedEvents().count == 16)
        }
    }

    private func credentials(from tokens: IssuedTokens) -> StoredCredentials {
        StoredCredentials(
            accessToken: Secret(tokens.accessToken),
            refreshToken: Secret(tokens.refreshToken),
            accessTokenExpiresAt: Date().addingTimeInterval(TimeInterval(tokens.expiresIn)),
            scopes: tokens.scopes
        )
    }
}
