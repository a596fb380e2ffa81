import DBus

/// The inputs waiting for one player's session. A player that floods the bus (thousands of
/// `PropertiesChanged` a second) must not make the agent's memory grow while its session waits on reads:
/// once `pressure` inputs are waiting, a change is folded into the change just before it (its values win,
/// as they would when applied in order) and a `Seeked` replaces the `Seeked` just before it. Below that
/// every input is kept as it came. What waits carries the arrival of the newest batch posted: a folded change
/// has held since then.
actor PlayerSessionMailbox {
    /// How many waiting inputs count as a flood.
    static let pressure = 64

    private var pending: [PlayerSessionInput] = []
    /// When the newest of the waiting inputs arrived.
    private var pendingArrival: Duration?
    private var waiter: CheckedContinuation<PlayerSessionBatch, Never>?
    private var isClosed = false

    /// Adds `inputs` (which arrived at `arrivedAt`) after the others, in order, each folded into the one before
    /// it under pressure, and wakes the session if it waits.
    func post(_ inputs: [PlayerSessionInput], arrivedAt: Duration? = nil) {
        if !inputs.isEmpty { pendingArrival = arrivedAt }
        for input in inputs {
            if pending.count >= Self.pressure, let last = pending.last, let folded = last.folding(input) {
                pending[pending.count - 1] = folded
            } else {
                pending.append(input)
            }
        }
        guard let waiter, !pending.isEmpty else { return }
        self.waiter = nil
        waiter.resume(returning: takePending())
    }

    /// No more inputs will come; `take()` returns what is left, then an empty batch.
    func close() {
        isClosed = true
        waiter?.resume(returning: PlayerSessionBatch(inputs: [], arrivedAt: nil))
        waiter = nil
    }

    /// Everything waiting, in order; waits for at least one input unless closed. An empty batch means closed.
    func take() async -> [PlayerSessionInput] {
        await takeBatch().inputs
    }

    /// Everything waiting, in order, with when the newest of it arrived; waits for at least one input unless
    /// closed. An empty batch means closed.
    func takeBatch() async -> PlayerSessionBatch {
        if !pending.isEmpty { return takePending() }
        if isClosed { return PlayerSessionBatch(inputs: [], arrivedAt: nil) }
        return await withCheckedContinuation { waiter = $0 }
    }

    private func takePending() -> PlayerSessionBatch {
        defer {
            pending.removeAll(keepingCapacity: true)
            pendingArrival = nil
        }
        return PlayerSessionBatch(inputs: pending, arrivedAt: pendingArrival)
    }

    /// How many inputs wait.
    var count: Int { pending.count }
}

extension PlayerSessionInput {
    /// This input followed by `next` as one input, when that changes nothing the session would conclude.
    func folding(_ next: PlayerSessionInput) -> PlayerSessionInput? {
        switch (self, next) {
        case (.propertiesChanged(let values, let invalidated), .propertiesChanged(let newValues, let newInvalidated)):
            var merged = values.filter { !newInvalidated.contains($0.key) }
            merged.merge(newValues) { _, new in new }
            let stillInvalidated = invalidated.filter { newValues[$0] == nil && !newInvalidated.contains($0) }
            return .propertiesChanged(merged, invalidated: stillInvalidated + newInvalidated)
        case (.seeked, .seeked):
            return next
        default:
            return nil
        }
    }
}
