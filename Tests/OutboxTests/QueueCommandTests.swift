import Foundation
import PunchPlay
import TestSupport
import Testing

@testable import Outbox

@Suite("punchplay-mpris queue: the built command on a real outbox file")
struct QueueCommandTests {
    @Test("queue --json shows pending events per session, dead letters with status and request id, the last error")
    func showJSON() async throws {
        let harness = try await Self.outboxWithDeadLetter()
        let result = try await CommandRun.run(["queue", "--json", "--database", harness.path])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["database"] as? String == harness.path)
        #expect(json["pending_count"] as? Int == 1)
        let sessions = try #require(json["sessions"] as? [[String: Any]])
        #expect(sessions.first?["playback_session_id"] as? String == "b")
        let letter = try #require((json["dead_letters"] as? [[String: Any]])?.first)
        #expect(letter["status"] as? Int == 422)
        #expect(letter["request_id"] as? String == "req-422")
        #expect(letter["event_id"] as? String == "a-start-0")
        #expect((json["last_error"] as? String)?.contains("title too long") == true)
    }

    @Test("queue (text) names the dead letter's request id and how to retry it")
    func showText() async throws {
        let harness = try await Self.outboxWithDeadLetter()
        let result = try await CommandRun.run(["queue", "--database", harness.path])
        #expect(result.status == 0)
        #expect(result.output.contains("1 pending in 1 session, 1 dead letter"))
        #expect(result.output.contains("request id req-422"))
        #expect(result.output.contains("queue retry"))
    }

    @Test("queue retry moves dead letters back; purge asks, refuses without a terminal, and obeys --yes")
    func retryAndPurge() async throws {
        let harness = try await Self.outboxWithDeadLetter()
        let retried = try await CommandRun.run(["queue", "retry", "--database", harness.path])
        #expect(retried.output.contains("Moved 1 dead letter back"))
        #expect(try await harness.store.snapshot().pendingCount == 2)

        let refused = try await CommandRun.run(["queue", "purge", "--database", harness.path])
        #expect(refused.output.contains("Nothing deleted"))
        #expect(refused.errorOutput.contains("pass --yes"))
        #expect(try await harness.store.snapshot().pendingCount == 2)

        let purged = try await CommandRun.run(["queue", "purge", "--yes", "--database", harness.path])
        #expect(purged.status == 0)
        #expect(try await harness.store.snapshot().pendingCount == 0)
    }

    @Test("queue on a corrupt file says it was moved aside and shows an empty outbox")
    func corruptFile() async throws {
        let directory = OutboxHarness.temporaryDirectory()
        let path = directory + "/outbox.sqlite"
        _ = FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x42, count: 4096))
        let result = try await CommandRun.run(["queue", "--database", path])
        #expect(result.status == 0)
        #expect(result.errorOutput.contains("was moved to"))
        #expect(result.output.contains("0 pending"))
    }

    /// An outbox with one dead letter (session "a", 422 with a request id) and one pending event (session "b").
    private static func outboxWithDeadLetter() async throws -> OutboxHarness {
        let harness = try OutboxHarness()
        await harness.writer.setScript { _ in .fail(Failures.unprocessable) }
        try await harness.store.enqueue(Events.make(.start, session: "a", at: 0))
        let task = harness.start()
        try await harness.waitForState { $0.deadLetteredCount == 1 }
        task.cancel()
        await task.value
        try await harness.store.enqueue(Events.make(.start, session: "b", at: 1))
        return harness
    }
}
