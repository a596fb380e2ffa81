import PlaybackModel
import PunchPlay
import Testing

@testable import Outbox

@Suite("Pacing: staying under the playback budget")
struct PacingTests {
    @Test("300 events never exceed the budget in any 5-minute window, and all arrive in order")
    func tokenBucketKeepsUnderBudget() async throws {
        let pacing = PacingPolicy()
        let harness = try OutboxHarness(policy: DeliveryPolicy(pacing: pacing))
        let events = (0..<300).map { Events.make(.start, session: "s\($0)", at: Int64($0)) }
        try await harness.store.enqueue(contentsOf: events)
        let task = harness.start()
        try await harness.drive { $0.deliveredCount == 300 }
        task.cancel()
        let sent = await harness.writer.sent
        #expect(sent.map(\.event.payload.eventID) == events.map(\.payload.eventID))
        let window = pacing.window.wholeMilliseconds
        let busiest = sent.indices.map { first in
            sent[first...].prefix { $0.at < sent[first].at + window }.count
        }.max()
        let limit = pacing.burst + pacing.writesPerWindow
        #expect((limit - 2...limit).contains(try #require(busiest)))
        #expect(limit <= 120)
    }

    @Test("pacing is a wait, not a failure: no attempt is made without a token")
    func pacingWaitsForToken() async throws {
        let harness = try OutboxHarness(
            policy: DeliveryPolicy(pacing: PacingPolicy(burst: 2, writesPerWindow: 1, window: .seconds(60)))
        )
        try await harness.store.enqueue(contentsOf: (0..<3).map { Events.make(.start, session: "s\($0)", at: 0) })
        let task = harness.start()
        let state = try await harness.waitForState {
            if case .waiting(_, .pacing) = $0.phase { return true } else { return false }
        }
        #expect(state.phase == .waiting(until: OutboxHarness.startOfTime + 60_000, reason: .pacing))
        #expect(await harness.writer.sent.count == 2)
        try await harness.drive { $0.deliveredCount == 3 }
        task.cancel()
    }
}
