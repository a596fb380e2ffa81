import PunchPlay
import Testing

@testable import Outbox

@Suite("Dead letters: permanent failures kept, visible, retryable")
struct DeadLetterTests {
    @Test("a permanent failure goes to the dead letters with status, code, message and request id")
    func permanentFailureIsBuried() async throws {
        let harness = try OutboxHarness()
        await harness.writer.setScript { event in
            event.action == .pause ? .fail(Failures.unprocessable) : .accept
        }
        try await harness.store.enqueue(contentsOf: [
            Events.make(.start, at: 0),
            Events.make(.pause, at: 1),
            Events.make(.stop, at: 2),
        ])
        let task = harness.start()
        try await harness.drive { $0.deliveredCount == 2 && $0.deadLetteredCount == 1 }
        task.cancel()
        #expect(await harness.writer.sentEventIDs == ["s1-start-0", "s1-pause-1", "s1-stop-2"])
        let snapshot = try await harness.store.snapshot()
        #expect(snapshot.pendingCount == 0)
        let letter = try #require(snapshot.deadLetters.first)
        #expect(letter.eventID == "s1-pause-1")
        #expect(letter.status == 422)
        #expect(letter.errorCode == "invalid_request")
        #expect(letter.message == "title too long")
        #expect(letter.requestID == "req-422")
        #expect(letter.attempts == 1)
        #expect(letter.event?.action == .pause)
    }

    @Test("retrying dead letters puts them back in their original order and delivers them")
    func retryDeadLetters() async throws {
        let harness = try OutboxHarness()
        await harness.writer.setScript { _ in .fail(Failures.unprocessable) }
        try await harness.store.enqueue(contentsOf: [
            Events.make(.start, session: "a", at: 0),
            Events.make(.start, session: "b", at: 1),
            Events.make(.stop, session: "a", at: 2),
        ])
        let task = harness.start()
        try await harness.drive { $0.deadLetteredCount == 3 }
        task.cancel()
        await task.value
        await harness.writer.setScript { _ in .accept }
        #expect(try await harness.store.retryDeadLetters(eventIDs: ["b-start-1"]) == 1)
        #expect(try await harness.store.retryDeadLetters() == 2)
        let resumed = harness.start()
        try await harness.drive { $0.deliveredCount == 3 }
        resumed.cancel()
        #expect(await harness.writer.sentEventIDs.suffix(3) == ["a-start-0", "b-start-1", "a-stop-2"])
        #expect(try await harness.store.snapshot().deadLetters.isEmpty)
    }

    @Test("purge empties the queue and the dead letters, or only the dead letters")
    func purge() async throws {
        let harness = try OutboxHarness()
        await harness.writer.setScript { _ in .fail(Failures.unprocessable) }
        try await harness.store.enqueue(Events.make(.start, session: "a", at: 0))
        let task = harness.start()
        try await harness.drive { $0.deadLetteredCount == 1 }
        task.cancel()
        try await harness.store.enqueue(Events.make(.start, session: "b", at: 0))
        let dead = try await harness.store.purge(deadLettersOnly: true)
        #expect(dead.events == 0 && dead.deadLetters == 1)
        let all = try await harness.store.purge()
        #expect(all.events == 1 && all.deadLetters == 0)
    }
}
