import PlaybackModel
import PunchPlay
import Testing

@testable import Outbox

@Suite("Outbox bounds: size and age caps")
struct OutboxBoundsTests {
    @Test("100,000 events stay within 10,000, evicting progress first and keeping every stop")
    func sizeCapOnLargeQueue() async throws {
        let harness = try OutboxHarness()
        // 25,000 sessions of start, pause, progress, stop: 100,000 events, 25,000 stops.
        let sessionsPerBatch = 250
        for batch in 0..<100 {
            var events: [PlaybackEvent] = []
            for index in 0..<sessionsPerBatch {
                let session = "s\(batch * sessionsPerBatch + index)"
                events.append(Events.make(.start, session: session, at: 0))
                events.append(Events.make(.pause, session: session, at: 1))
                events.append(Events.make(.progress, session: session, at: 2))
                if batch < 96 {
                    events.append(Events.make(.resume, session: session, at: 3))
                } else {
                    events.append(Events.make(.stop, session: session, at: 3))
                }
            }
            try await harness.store.enqueue(contentsOf: events)
        }
        let snapshot = try await harness.store.snapshot()
        #expect(snapshot.pendingCount == 10_000)
        // The 1,000 closed sessions had their progress coalesced by the stop; the rest was evicted.
        #expect(snapshot.coalescedCount == 1_000)
        #expect(snapshot.evictedCount == 89_000)
        let actions = snapshot.sessions.flatMap(\.events).map(\.event.action)
        #expect(actions.filter { $0 == .stop }.count == 1_000)
        #expect(!actions.contains(.progress))
    }

    @Test("events older than the age cap are dropped")
    func ageCap() async throws {
        let harness = try OutboxHarness(limits: OutboxLimits(maximumEvents: 100, maximumAge: .seconds(3600)))
        try await harness.store.enqueue(Events.make(.start, session: "old", at: 0))
        await harness.clock.advance(by: .seconds(7200))
        try await harness.store.enqueue(Events.make(.start, session: "new", at: 7_200_000))
        let snapshot = try await harness.store.snapshot()
        #expect(snapshot.sessions.map(\.sessionID) == ["new"])
        #expect(snapshot.evictedCount == 1)
    }
}
