import Outbox
import PunchPlay

/// A fake `PlaybackWriting` for tests: answers each send as the script says and records what was sent
/// and when (virtual wall time), so tests can wait for a number of sends instead of sleeping.
actor ScriptedWriter: PlaybackWriting {
    /// What the fake does with one send.
    enum Answer: Sendable {
        case accept
        case fail(PunchPlayError)
        /// Never answers; returns only when the sending task is cancelled.
        case hang
        /// Answers 200 at the moment the sending task is cancelled, as a server does whose answer crosses a
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
    private var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

    init(clock: OutboxClock, script: @escaping @Sendable (PlaybackEvent) -> Answer = { _ in .accept }) {
        self.clock = clock
        self.script = script
    }

    func setScript(_ script: @escaping @Sendable (PlaybackEvent) -> Answer) {
        self.script = script
    }

    func send(_ event: PlaybackEvent) async throws(PunchPlayError) -> PlaybackReceipt {
        sent.append(Sent(event: event, at: clock.now()))
        let ready = waiters.filter { $0.count <= sent.count }
        waiters.removeAll { $0.count <= sent.count }
        for waiter in ready { waiter.continuation.resume() }
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
            return PlaybackReceipt(ok: true)
        }
    }

    /// Returns once at least `count` sends have been attempted.
    func waitForSends(_ count: Int) async {
        if sent.count >= count { return }
        await withCheckedContinuation { continuation in
            waiters.append((count, continuation))
        }
    }

    var sentEventIDs: [String] { sent.map(\.event.payload.eventID) }
}

/// Suspends until the current task is cancelled.
private func suspendUntilCancelled() async {
    let stream = AsyncStream<Void> { _ in }
    for await _ in stream {}
}
