import Foundation
import PlaybackModel
import PunchPlay
import PunchPlaySandbox
import TestSupport
import Testing

@testable import Outbox

@Suite("A refresh failure never costs an event: delivery through every refresh fault the service can answer")
struct RefreshFaultDeliveryTests {
    private static let refresh = "/api/platform/v1/auth/refresh"
    private static let session: [PlaybackAction] = [.start, .pause, .resume, .stop]
    /// The §6 codes a 400 from the refresh may carry that say nothing about the login.
    private static let harmlessCodes = [
        "authorization_pending", "slow_down", "expired", "access_denied", "invalid_request", "invalid_scope",
        "invalid_token", "insufficient_scope", "not_found", "rate_limited", "server_error", "unauthorized_client",
        "unsupported_grant_type",
    ]

    static let transientFaults: [SandboxFault] =
        harmlessCodes.map { SandboxFault.status(400, code: $0, count: 2, pathPrefix: refresh) } + [
            .status(401, count: 2, pathPrefix: refresh),
            .status(403, count: 2, pathPrefix: refresh),
            .status(404, count: 2, pathPrefix: refresh),
            .status(429, count: 2, pathPrefix: refresh, retryAfterSeconds: 1),
            .status(500, count: 2, pathPrefix: refresh),
            .status(503, count: 2, pathPrefix: refresh),
            .hang(count: 1, pathPrefix: refresh),
            .dropConnection(count: 2, pathPrefix: refresh),
            .notJSON(count: 2, pathPrefix: refresh),
            .wrongTypes(count: 2, pathPrefix: refresh),
        ]

    @Test("events wait out the refresh fault and are all delivered once it is gone", arguments: transientFaults)
    func transientRefreshFault(fault: SandboxFault) async throws {
        try await SandboxOutbox.run(requestTimeout: .seconds(1)) { outbox in
            let events = outbox.events(Self.session, session: "refresh-\(fault.kind)-\(fault.code ?? "")")
            await outbox.sandbox.advanceClock(by: 2 * 3600)
            await outbox.sandbox.inject(fault)
            await outbox.enqueue(events)
            try await outbox.waitUntilDelivered(events.count)
            #expect(try await outbox.store.snapshot().deadLetters.isEmpty)
            #expect(await outbox.acceptedIDs() == events.map(\.payload.eventID))
            let attempts = await outbox.sandbox.recordedRequests(pathPrefix: Self.refresh).count
            #expect(attempts == fault.count + 1)
            #expect(attempts <= SandboxOutbox.fastRefresh.maximumPerHour)
            #expect(await outbox.sandbox.refreshStatistics() == RefreshStatistics(refreshes: 1, reuseDetections: 0))
            #expect(await outbox.client.tokens.currentState() == .loggedIn)
        }
    }

    @Test(
        "invalid_grant / invalid_client hold the events; a new login and a reload deliver them all",
        arguments: ["invalid_grant", "invalid_client"])
    func loginLostRefreshFault(code: String) async throws {
        try await SandboxOutbox.run { outbox in
            let events = outbox.events(Self.session, session: "lost-\(code)")
            await outbox.sandbox.advanceClock(by: 2 * 3600)
            await outbox.sandbox.inject(.status(400, code: code, count: 1, pathPrefix: Self.refresh))
            await outbox.enqueue(events)
            try await waitForLoginHold(outbox)
            let held = try await outbox.store.snapshot()
            #expect(held.deadLetters.isEmpty)
            #expect(held.pendingCount == events.count)

            try await outbox.harness.store.save(try await outbox.harness.newLogin())
            try await outbox.client.tokens.reloadFromStore()
            #expect(await outbox.client.tokens.currentState() == .loggedIn)
            try await outbox.delivery.loginRestored()
            try await outbox.waitUntilDelivered(events.count)
            #expect(try await outbox.store.snapshot().deadLetters.isEmpty)
            #expect(await outbox.acceptedIDs() == events.map(\.payload.eventID))
            #expect(await outbox.sandbox.recordedRequests(pathPrefix: Self.refresh).count == 1)
        }
    }

    @Test("403 insufficient_scope on a write holds the events instead of dead-lettering them")
    func insufficientScopeHolds() async throws {
        try await SandboxOutbox.run { outbox in
            let limited = try await outbox.harness.newLogin(scopes: [
                SandboxScope.profileRead, SandboxScope.playbackRead,
            ])
            try await outbox.client.tokens.adopt(limited)
            let events = outbox.events(Self.session, session: "scope")
            await outbox.enqueue(events)
            try await waitForLoginHold(outbox)
            let held = try await outbox.store.snapshot()
            #expect(held.deadLetters.isEmpty)
            #expect(held.pendingCount == events.count)
            #expect(await outbox.delivery.currentState.lastError?.contains(SandboxScope.playbackWrite) == true)

            try await outbox.harness.store.save(try await outbox.harness.newLogin())
            try await outbox.client.tokens.reloadFromStore()
            try await outbox.delivery.loginRestored()
            try await outbox.waitUntilDelivered(events.count)
            #expect(await outbox.acceptedIDs() == events.map(\.payload.eventID))
        }
    }

    private func waitForLoginHold(_ outbox: SandboxOutbox) async throws {
        let delivery = outbox.delivery
        try await withTimeout {
            for await state in await delivery.states() where state.phase == .loginRequired { return }
        }
    }
}
