import PunchPlay
import Testing

@testable import Outbox

@Suite("Login hold: everything waits for a new login, said once")
struct LoginHoldTests {
    @Test("a lost login holds every session, is announced once and resumes in order after login")
    func holdAndResume() async throws {
        let harness = try OutboxHarness()
        await harness.writer.setScript { _ in .fail(Failures.loginGone) }
        try await harness.store.enqueue(contentsOf: [
            Events.make(.start, session: "a", at: 0),
            Events.make(.start, session: "b", at: 1),
        ])
        let recorder = PhaseRecorder()
        let states = await harness.delivery.states()
        let recording = Task {
            for await state in states { await recorder.record(state.phase) }
        }
        let task = harness.start()
        try await harness.waitForState { $0.phase == .loginRequired }
        await harness.intake.commit([Events.make(.pause, session: "a", at: 2)])
        try await harness.advanceWhenSleeping(by: .seconds(3600))
        try await harness.waitForState { $0.phase == .loginRequired && $0.pendingCount == 3 }
        #expect(await harness.writer.sentEventIDs == ["a-start-0"])
        #expect(try await harness.store.snapshot().loginRequiredSince == OutboxHarness.startOfTime)

        await harness.writer.setScript { _ in .accept }
        try await harness.delivery.loginRestored()
        try await harness.drive { $0.deliveredCount == 3 }
        task.cancel()
        recording.cancel()
        #expect(await harness.writer.sentEventIDs == ["a-start-0", "a-start-0", "b-start-1", "a-pause-2"])
        #expect(await recorder.loginRequiredAnnouncements() == 1)
        #expect(try await harness.store.snapshot().loginRequiredSince == nil)
    }

    @Test("a hold recorded by a previous run is probed once at start-up")
    func holdSurvivesRestartAndIsProbed() async throws {
        let harness = try OutboxHarness()
        await harness.writer.setScript { _ in .fail(Failures.loginGone) }
        await harness.intake.commit([Events.make(.start, at: 0)])
        let task = harness.start()
        try await harness.waitForState { $0.phase == .loginRequired }
        task.cancel()
        await task.value

        let restarted = try OutboxHarness(directory: harness.directory)
        let second = restarted.start()
        try await restarted.waitForState { $0.deliveredCount == 1 }
        second.cancel()
        #expect(try await restarted.store.snapshot().loginRequiredSince == nil)
    }
}

/// Counts how often the delivery phase turns into `.loginRequired` (what the agent turns into a log line
/// and a desktop notification).
actor PhaseRecorder {
    private var phases: [DeliveryState.Phase] = []

    func record(_ phase: DeliveryState.Phase) {
        if phases.last != phase { phases.append(phase) }
    }

    func loginRequiredAnnouncements() -> Int {
        phases.filter { $0 == .loginRequired }.count
    }
}
