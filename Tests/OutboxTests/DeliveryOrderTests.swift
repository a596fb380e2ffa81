import PlaybackModel
import PunchPlay
import Testing

@testable import Outbox

@Suite("Delivery: creation order, per-session blocking, restarts")
struct DeliveryOrderTests {
    @Test("events of several sessions are delivered once each, in creation order")
    func creationOrder() async throws {
        let harness = try OutboxHarness()
        let events = [
            Events.make(.start, session: "a", at: 0),
            Events.make(.start, session: "b", at: 1),
            Events.make(.pause, session: "a", at: 2),
            Events.make(.stop, session: "b", at: 3),
            Events.make(.resume, session: "a", at: 4),
            Events.make(.stop, session: "a", at: 5),
        ]
        try await harness.store.enqueue(contentsOf: events)
        let task = harness.start()
        try await harness.drive { $0.deliveredCount == 6 && $0.phase == .idle }
        task.cancel()
        #expect(await harness.writer.sentEventIDs == events.map(\.payload.eventID))
        #expect(try await harness.store.snapshot().pendingCount == 0)
    }

    @Test("a session backing off holds back only its own later events; other sessions proceed")
    func failingSessionHoldsOnlyItself() async throws {
        let harness = try OutboxHarness()
        await harness.writer.setScript { event in
            event.payload.playbackSessionID == "a" ? .fail(Failures.serverError) : .accept
        }
        try await harness.store.enqueue(contentsOf: [
            Events.make(.start, session: "a", at: 0),
            Events.make(.start, session: "b", at: 1),
            Events.make(.pause, session: "a", at: 2),
            Events.make(.stop, session: "b", at: 3),
        ])
        let task = harness.start()
        try await harness.waitForState {
            guard case .waiting(_, .backOff) = $0.phase else { return false }
            return $0.deliveredCount == 2
        }
        // Each success elsewhere lets "a" try again at once; its pause never overtakes its start.
        let sent = await harness.writer.sentEventIDs
        #expect(sent == ["a-start-0", "b-start-1", "a-start-0", "b-stop-3", "a-start-0"])
        await harness.writer.setScript { _ in .accept }
        try await harness.drive { $0.deliveredCount == 4 }
        task.cancel()
        #expect(await harness.writer.sentEventIDs.suffix(2) == ["a-start-0", "a-pause-2"])
    }

    @Test("an attempt cut short by a crash is resent after restart with the same event_id")
    func resendAfterCrashReusesEventID() async throws {
        let harness = try OutboxHarness()
        await harness.writer.setScript { _ in .hang }
        await harness.intake.commit([Events.make(.start, at: 0)])
        let task = harness.start()
        try await harness.writer.waitForSends(1)
        task.cancel()
        await task.value

        let restarted = try OutboxHarness(directory: harness.directory)
        let second = restarted.start()
        try await restarted.waitForState { $0.deliveredCount == 1 }
        second.cancel()
        #expect(await harness.writer.sentEventIDs == ["s1-start-0"])
        #expect(await restarted.writer.sentEventIDs == ["s1-start-0"])
    }

    @Test("a send answered 200 while the loop is being stopped is recorded as delivered and never sent again")
    func successCrossingShutdownIsKept() async throws {
        let harness = try OutboxHarness()
        await harness.writer.setScript { _ in .acceptWhenCancelled }
        try await harness.store.enqueue(Events.make(.stop, session: "s1", at: 0))
        let task = harness.start()
        try await harness.writer.waitForSends(1)
        task.cancel()
        await task.value
        await harness.writer.setScript { _ in .accept }
        #expect(await harness.delivery.drain(within: .seconds(2)) == 0)
        #expect(await harness.writer.sentEventIDs == ["s1-stop-0"])
        #expect(try await harness.store.snapshot().pendingCount == 0)
    }

    @Test("after a restart, open sessions are listed with their last event, until a stop closes them")
    func sessionsSurviveRestart() async throws {
        let directory = OutboxHarness.temporaryDirectory()
        let checkpoint = SessionCheckpoint(playedMilliseconds: 900_000, watchedThreshold: 0.8)
        do {
            let before = try OutboxHarness(directory: directory)
            var progress = Events.make(.progress, session: "gone", at: 15_001, position: 915)
            progress.checkpoint = checkpoint
            try await before.store.enqueue(contentsOf: [
                Events.make(.start, session: "kept", at: 0),
                Events.make(.start, session: "gone", at: 1),
                progress,
                Events.make(.start, session: "done", at: 2),
                Events.make(.stop, session: "done", at: 3),
            ])
        }
        let after = try OutboxHarness(directory: directory)
        let open = try await after.store.openSessions()
        #expect(open.map(\.sessionID) == ["kept", "gone"])
        #expect(open.last?.lastEvent.payload.positionSeconds == 915)
        #expect(open.last?.lastEvent.payload.title == "Heat")
        #expect(open.last?.lastEvent.checkpoint == checkpoint)

        try await after.store.enqueue(contentsOf: [Events.make(.stop, session: "gone", at: 15_002, position: 915)])
        #expect(try await after.store.openSessions().map(\.sessionID) == ["kept"])
        let task = after.start()
        try await after.drive { $0.deliveredCount == 5 && $0.phase == .idle }
        task.cancel()
        let goneEvents = await after.writer.sent.map(\.event).filter { $0.payload.playbackSessionID == "gone" }
        // The stop supersedes the queued progress, which is coalesced away.
        #expect(goneEvents.map(\.action) == [.start, .stop])
    }
}
