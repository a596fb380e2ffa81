import Foundation
import GRDB
import PunchPlay
import Testing

@testable import Outbox

@Suite("Pending count: kept by the schema, equal to the queued rows through every path")
struct PendingCountTests {
    @Test("coalescing, the size cap, dead letters, requeueing, delivery and purge all keep the count exact")
    func countFollowsEveryPath() async throws {
        let harness = try OutboxHarness(limits: OutboxLimits(maximumEvents: 6))
        await harness.writer.setScript { event in
            event.payload.playbackSessionID == "refused" ? .fail(Failures.unprocessable) : .accept
        }
        try await harness.store.enqueue(contentsOf: [
            Events.make(.start, at: 0),
            Events.make(.progress, at: 1),
            Events.make(.progress, at: 2),
            Events.make(.stop, session: "refused", at: 3),
        ])
        try await Self.expectCountMatchesRows(harness, equals: 3)
        try await harness.store.enqueue(contentsOf: (4..<10).map { Events.make(.start, session: "s\($0)", at: $0) })
        try await Self.expectCountMatchesRows(harness, equals: 6)

        #expect(await harness.delivery.drain(within: .seconds(2)) == 0)
        try await Self.expectCountMatchesRows(harness, equals: 0)
        #expect(try await harness.store.snapshot().deadLetters.count == 1)

        #expect(try await harness.store.retryDeadLetters() == 1)
        try await Self.expectCountMatchesRows(harness, equals: 1)
        try await harness.store.purge()
        try await Self.expectCountMatchesRows(harness, equals: 0)
    }

    @Test("a database from before the counter gets it filled in by the migration")
    func migrationCountsExistingRows() async throws {
        let directory = OutboxHarness.temporaryDirectory()
        let queue = try DatabaseQueue(path: directory + "/outbox.sqlite")
        try OutboxSchema.migrator.migrate(queue, upTo: "v1: events, dead letters, sessions, delivery state")
        try await queue.write { db in
            for index in 0..<3 {
                _ = try EventRows.insert(
                    Events.make(.start, session: "s\(index)", at: Int64(index)),
                    into: db,
                    now: OutboxHarness.startOfTime
                )
            }
        }
        try queue.close()
        let harness = try OutboxHarness(directory: directory)
        try await Self.expectCountMatchesRows(harness, equals: 3)
    }

    /// The loop's count (the counter) and the rows actually queued are both `expected`.
    private static func expectCountMatchesRows(
        _ harness: OutboxHarness,
        equals expected: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let counted = try await harness.store.plan(pacing: PacingPolicy()).pendingCount
        let rows = try await harness.store.snapshot().pendingCount
        #expect(counted == expected, sourceLocation: sourceLocation)
        #expect(rows == expected, sourceLocation: sourceLocation)
    }
}
