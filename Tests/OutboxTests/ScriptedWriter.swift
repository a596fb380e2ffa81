import Foundation
import Outbox
import PlaybackModel
import PunchPlay
import TestSupport

/// A fake `PlaybackWriting` for tests: answers each send as the script says and records what was sent
/// and when (virtual wall time), so tests can wait for a number of sends instead of sleeping.
actor ScriptedWriter: PlaybackWriting {
    /// What the fake does with one send.
    enum Answer: Sendable {
        case accept
        case fail(PunchPlayError)
        /// Never answers; returns only when the sending task is cancelled.
        case hang
        /// Answers 200 just after the sending task is cancelled, as a server does whose answer crosses a
        /// shutdown.
        case acceptWhenCancelled
    }

    struct Sent: Sendable {
        var event: PlaybackEvent
        var at: Int64
    }

    private let clock: OutboxClock
    private var script: @Sendable (PlaybackEvent) -> Answer
    private(set) var sent: [Sent] = []
    private var sendCountObservers: [UUID: AsyncStream<Int>.Continuation] = [:]

    init(clock: OutboxClock, script: @escaping @Sendable (PlaybackEvent) -> Answer = { _ in .accept }) {
        self.clock = clock
        self.script = script
    }

    func setScript(_ script: @escaping @Sendable (PlaybackEvent) -> Answer) {
        self.script = script
    }

    func send(_ event: PlaybackEvent) async throws(PunchPlayError) -> PlaybackReceipt {
        sent.append(Sent(event: event, at: clock.now()))
        for observer in sendCountObservers.values { observer.yield(sent.count) }
        switch script(event) {
        case .accept:
            return PlaybackReceipt(ok: true)
        case .fail(let error):
            throw error
        case .hang:
            await suspendUntilCancelled()
            throw PunchPlayError(status: nil, message: "cancelled", retryClass: .transient)
        case .acceptWhenCancelled:
            await suspendUntilCancelled()
            // The answer lands a moment after the shutdown began, after the send's time-out has given up.
            for _ in 0..<100 { await Task.yield() }
            return PlaybackReceipt(ok: true)
        }
    }

    /// Returns once at least `count` sends have been attempted; throws `TimedOut` when they are not within
    /// the real-time safety net, so a broken test fails instead of hanging the run.
    func waitForSends(_ count: Int) async throws {
        let counts = sendCounts()
        try await withTimeout {
            for await sent in counts where sent >= count { return }
            throw TestSupportError("the send counts ended before \(count) sends")
        }
    }

    /// The number of sends so far, then again after each send.
    private func sendCounts() -> AsyncStream<Int> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { _ in Task { await self.removeObserver(id) } }
        sendCountObservers[id] = continuation
        continuation.yield(sent.count)
        return stream
    }

    private func removeObserver(_ id: UUID) {
        sendCountObservers.removeValue(forKey: id)
    }

    var sentEventIDs: [String] { sent.map(\.event.payload.eventID) }
}

/// Suspends until the current task is cancelled.
private func suspendUntilCancelled() async {
    let stream = AsyncStream<Void> { _ in }
    for await _ in stream {}
}
