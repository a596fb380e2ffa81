import MPRIS

/// Collects a `PlayerObservation` stream as it arrives so a test can wait for the next observation (or the
/// next one matching a condition) with a timeout, instead of sleeping and hoping.
public actor ObservationRecorder {
    private var buffered: [PlayerObservation] = []
    private var finished = false
    private var waiter: (id: Int, continuation: CheckedContinuation<PlayerObservation?, Never>)?
    private var nextWaiterID = 0

    /// Starts consuming `observations` at once.
    public init(_ observations: AsyncStream<PlayerObservation>) {
        Task { await self.consume(observations) }
    }

    /// The next observation in order; fails after `timeout` or when the stream ended.
    public func next(timeout: Duration = .seconds(10)) async throws -> PlayerObservation {
        if !buffered.isEmpty { return buffered.removeFirst() }
        guard !finished else { throw TestSupportError("the observation stream ended") }
        nextWaiterID += 1
        let id = nextWaiterID
        let timer = Task {
            try? await Task.sleep(for: timeout)
            self.expire(id)
        }
        defer { timer.cancel() }
        let observation = await withCheckedContinuation { waiter = (id, $0) }
        guard let observation else { throw TestSupportError("no observation within \(timeout)") }
        return observation
    }

    /// Skips observations until one satisfies `condition` and returns it; the skipped ones are returned too,
    /// in order, so a test can check that nothing unexpected happened on the way.
    public func next(
        timeout: Duration = .seconds(10),
        where condition: @Sendable (PlayerObservation) -> Bool
    ) async throws -> (match: PlayerObservation, skipped: [PlayerObservation]) {
        var skipped: [PlayerObservation] = []
        let deadline = ContinuousClock.now + timeout
        while true {
            let observation = try await next(timeout: deadline - .now)
            if condition(observation) { return (observation, skipped) }
            skipped.append(observation)
        }
    }

    private func consume(_ observations: AsyncStream<PlayerObservation>) async {
        for await observation in observations { deliver(observation) }
        finished = true
        if let waiter {
            self.waiter = nil
            waiter.continuation.resume(returning: nil)
        }
    }

    private func deliver(_ observation: PlayerObservation) {
        if let waiter {
            self.waiter = nil
            waiter.continuation.resume(returning: observation)
        } else {
            buffered.append(observation)
        }
    }

    private func expire(_ id: Int) {
        guard let waiter, waiter.id == id else { return }
        self.waiter = nil
        waiter.continuation.resume(returning: nil)
    }
}
