import PunchPlay
import Testing

@testable import Outbox

@Suite("Retry: back-off, Retry-After, early wake-up, timeouts")
struct RetryTests {
    private static let start = OutboxHarness.startOfTime

    @Test("back-off doubles from 1 s and stops at 5 min; jitter stays within its spread")
    func backOffPolicy() {
        let policy = RetryPolicy()
        let steps = (1...12).map { policy.delay(afterAttempts: $0, random: 0.5) }
        #expect(steps == [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300].map { Duration.seconds($0) })
        #expect(policy.delay(afterAttempts: 4, random: 0) == .milliseconds(6400))
        #expect(policy.delay(afterAttempts: 4, random: 1) == .milliseconds(9600))
        #expect(policy.delay(afterAttempts: 1, random: 0) == .seconds(1))
        #expect(policy.delay(afterAttempts: 20, random: 1) == .seconds(300))
        #expect(policy.honouring(retryAfter: .seconds(86_400)) == .seconds(3600))
    }

    @Test("a failing event is retried on the back-off schedule of the virtual clock")
    func backOffSchedule() async throws {
        let harness = try OutboxHarness()
        await harness.writer.setScript { _ in .fail(Failures.offline) }
        await harness.intake.commit([Events.make(.start, at: 0)])
        let task = harness.start()
        try await harness.writer.waitForSends(1)
        var waits: [Int64] = []
        for _ in 0..<11 {
            let state = try await harness.waitForState {
                if case .waiting = $0.phase { return true } else { return false }
            }
            guard case .waiting(let until, .backOff) = state.phase else { break }
            waits.append((until - harness.outboxClock.now()) / 1000)
            let attempts = await harness.writer.sent.count
            try await harness.advanceWhenSleeping(to: until)
            try await harness.writer.waitForSends(attempts + 1)
        }
        try await harness.waitForState {
            if case .waiting = $0.phase { return true } else { return false }
        }
        task.cancel()
        #expect(waits == [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300])
        let snapshot = try await harness.store.snapshot()
        #expect(snapshot.sessions.first?.events.first?.attempts == 12)
        #expect(snapshot.lastError?.contains("network unreachable") == true)
    }

    @Test("Retry-After pauses every session for as long as the server asked")
    func retryAfterPausesEverything() async throws {
        let harness = try OutboxHarness()
        await harness.writer.setScript { event in
            event.payload.playbackSessionID == "a" ? .fail(Failures.rateLimited(after: 42)) : .accept
        }
        try await harness.store.enqueue(contentsOf: [
            Events.make(.start, session: "a", at: 0),
            Events.make(.start, session: "b", at: 1),
        ])
        let task = harness.start()
        let paused = try await harness.waitForState {
            if case .waiting(_, .retryAfter) = $0.phase { return true } else { return false }
        }
        #expect(paused.phase == .waiting(until: Self.start + 42_000, reason: .retryAfter))
        #expect(await harness.writer.sentEventIDs == ["a-start-0"])
        await harness.writer.setScript { _ in .accept }
        try await harness.advanceWhenSleeping(by: .seconds(41))
        #expect(await harness.writer.sentEventIDs == ["a-start-0"])
        try await harness.advanceWhenSleeping(by: .seconds(1))
        try await harness.waitForState { $0.deliveredCount == 2 }
        task.cancel()
        let sent = await harness.writer.sent
        #expect(sent.map(\.event.payload.eventID) == ["a-start-0", "a-start-0", "b-start-1"])
        #expect(sent[1].at == Self.start + 42_000)
    }

    @Test("a fresh event and a success cut a long back-off short")
    func freshEventShortensWait() async throws {
        let harness = try OutboxHarness()
        await harness.writer.setScript { _ in .fail(Failures.offline) }
        await harness.intake.commit([Events.make(.start, session: "a", at: 0)])
        let task = harness.start()
        // Let the back-off grow to 64 s.
        for attempt in 1...7 {
            try await harness.writer.waitForSends(attempt)
            let state = try await harness.waitForState {
                if case .waiting = $0.phase { return true } else { return false }
            }
            guard case .waiting(let until, _) = state.phase else { return }
            if attempt < 7 {
                try await harness.advanceWhenSleeping(to: until)
            }
        }
        // The network is back; a new event of another session arrives and goes at once.
        await harness.writer.setScript { _ in .accept }
        let sentBefore = await harness.writer.sent.count
        await harness.intake.commit([Events.make(.start, session: "b", at: 100)])
        try await harness.waitForState { $0.deliveredCount == 2 }
        task.cancel()
        let sent = await harness.writer.sent.dropFirst(sentBefore)
        #expect(sent.map(\.event.payload.eventID) == ["b-start-100", "a-start-0"])
        #expect(sent.allSatisfy { $0.at == sent.first?.at })
    }

    @Test("a fresh event of a backing-off session makes that session try again at once")
    func freshEventProbesBlockedSession() async throws {
        let harness = try OutboxHarness()
        await harness.writer.setScript { _ in .fail(Failures.offline) }
        await harness.intake.commit([Events.make(.start, at: 0)])
        let task = harness.start()
        try await harness.waitForState {
            if case .waiting = $0.phase { return true } else { return false }
        }
        await harness.writer.setScript { _ in .accept }
        await harness.intake.commit([Events.make(.pause, at: 10)])
        try await harness.waitForState { $0.deliveredCount == 2 }
        task.cancel()
        #expect(await harness.writer.sentEventIDs == ["s1-start-0", "s1-start-0", "s1-pause-10"])
        #expect(await harness.writer.sent.allSatisfy { $0.at == Self.start })
    }

    @Test("a send that never answers times out and is retried as a transient failure")
    func hangingSendTimesOut() async throws {
        let harness = try OutboxHarness()
        await harness.writer.setScript { _ in .hang }
        await harness.intake.commit([Events.make(.start, at: 0)])
        let task = harness.start()
        try await harness.writer.waitForSends(1)
        await harness.writer.setScript { _ in .accept }
        try await harness.advanceWhenSleeping(by: .seconds(30))
        try await harness.drive { $0.deliveredCount == 1 }
        task.cancel()
        let sent = await harness.writer.sent
        #expect(sent.map(\.at) == [Self.start, Self.start + 31_000])
    }
}
