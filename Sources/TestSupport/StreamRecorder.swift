/// Collects a stream (observations, a command's output lines) as it arrives so a test can wait for the next
/// element (or the next one matching a condition) with a timeout, instead of sleeping and hoping.
public actor StreamRecorder<Element: Sendable> {
    /// Why no element was returned.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// Nothing arrived within the timeout.
        case timedOut(Duration)
        /// The stream finished (the watcher stopped, the command closed its output).
        case streamEnded

        public var description: String {
            switch self {
            case .timedOut(let timeout): "nothing arrived within \(timeout)"
            case .streamEnded: "the stream ended"
            }
        }
    }

    private enum Outcome {
        case element(Element)
        case failure(Failure)
    }

    private var buffered: [Element] = []
    private var finished = false
    private var waiter: (id: Int, continuation: CheckedContinuation<Outcome, Never>)?
    private var nextWaiterID = 0

    /// Starts consuming `stream` at once.
    public init(_ stream: some AsyncSequence<Element, Never> & Sendable) {
        Task { await self.consume(stream) }
    }

    /// The next element in order.
    ///
    /// - Throws: `Failure.timedOut` after `timeout`, `Failure.streamEnded` when the stream finished.
    public func next(timeout: Duration = .seconds(10)) async throws(Failure) -> Element {
        if !buffered.isEmpty { return buffered.removeFirst() }
        guard !finished else { throw .streamEnded }
        nextWaiterID += 1
        let id = nextWaiterID
        let timer = Task {
            try? await Task.sleep(for: timeout)
            self.resumeWaiter(id, with: .failure(.timedOut(timeout)))
        }
        defer { timer.cancel() }
        switch await withCheckedContinuation({ waiter = (id, $0) }) {
        case .element(let element): return element
        case .failure(let failure): throw failure
        }
    }

    /// Skips elements until one satisfies `condition` and returns it with the skipped ones, in order, so a
    /// test can check what happened on the way.
    public func next(
        timeout: Duration = .seconds(10),
        where condition: @Sendable (Element) -> Bool
    ) async throws(Failure) -> (match: Element, skipped: [Element]) {
        var skipped: [Element] = []
        let deadline = ContinuousClock.now + timeout
        while true {
            let element = try await next(timeout: max(deadline - .now, .zero))
            if condition(element) { return (element, skipped) }
            skipped.append(element)
        }
    }

    private func consume(_ stream: some AsyncSequence<Element, Never>) async {
        for await element in stream {
            if let waiter {
                resumeWaiter(waiter.id, with: .element(element))
            } else {
                buffered.append(element)
            }
        }
        finished = true
        if let waiter { resumeWaiter(waiter.id, with: .failure(.streamEnded)) }
    }

    private func resumeWaiter(_ id: Int, with outcome: Outcome) {
        guard let waiter, waiter.id == id else { return }
        self.waiter = nil
        waiter.continuation.resume(returning: outcome)
    }
}
