import PunchPlay
import Testing

@testable import Outbox

@Suite("Drain before shutdown")
struct DrainTests {
    @Test("drain delivers what is due within the deadline")
    func drainDelivers() async throws {
        let harness = try OutboxHarness()
        try await harness.store.enqueue(contentsOf: (0..<5).map { Events.make(.start, session: "s\($0)", at: 0) })
        #expect(await harness.delivery.drain(within: .seconds(2)) == 0)
        #expect(await harness.writer.sent.count == 5)
    }

    @Test("a hanging server cannot hold shutdown past the deadline, and the cut attempt is not a failure")
    func drainRespectsDeadline() async throws {
        let harness = try OutboxHarness()
        await harness.writer.setScript { _ in .hang }
        try await harness.store.enqueue(Events.make(.stop, at: 0))
        let delivery = harness.delivery
        let drained = Task { await delivery.drain(within: .seconds(2)) }
        try await harness.writer.waitForSends(1)
        try await harness.advanceWhenSleeping(by: .seconds(2))
        #expect(await drained.value == 1)
        let snapshot = try await harness.store.snapshot()
        #expect(snapshot.sessions.first?.events.first?.attempts == 0)
    }
}
