import Foundation

/// Recorded requests, pending faults, and the streams tests and handlers wait on (updates, arrivals, shutdown).
extension SandboxState {
    // MARK: Recorded requests

    /// Stores `request` and returns its index for `complete(_:status:)`.
    func record(_ request: RecordedRequest) -> Int {
        var request = request
        request.receivedAt = now
        requests.append(request)
        for observer in requestObservers.values where observer.onArrival {
            observer.continuation.yield(request)
        }
        return requests.count - 1
    }

    func complete(_ index: Int, status: Int?) {
        guard requests.indices.contains(index) else { return }
        requests[index].responseStatus = status
        for observer in requestObservers.values where !observer.onArrival {
            observer.continuation.yield(requests[index])
        }
    }

    /// A stream of each API request from now on, as it arrives (`onArrival`) or once it was answered or closed
    /// without an answer.
    func observeRequests(onArrival: Bool) -> AsyncStream<RecordedRequest> {
        let (stream, continuation) = AsyncStream<RecordedRequest>.makeStream()
        guard !isShutDown else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        requestObservers[id] = (onArrival, continuation)
        continuation.onTermination = { _ in
            Task { await self.forgetRequestObserver(id) }
        }
        return stream
    }

    func recordedRequests() -> [RecordedRequest] {
        requests
    }

    func clearRecordedRequests() {
        requests = []
    }

    // MARK: Faults

    func inject(_ fault: SandboxFault) {
        guard fault.count > 0 else { return }
        faults.append(fault)
    }

    func clearFaults() {
        faults = []
    }

    /// The first pending fault matching `path`, counted down by one.
    func takeFault(path: String) -> SandboxFault? {
        guard let index = faults.firstIndex(where: { $0.matches(path: path) }) else { return nil }
        let fault = faults[index]
        faults[index].count -= 1
        if faults[index].count <= 0 {
            faults.remove(at: index)
        }
        return fault
    }

    // MARK: Live updates and shutdown

    /// A stream of `playback-update` payloads for `userID`, finished when the sandbox stops.
    func subscribeToUpdates(userID: String) -> AsyncStream<LiveMessage> {
        let (stream, continuation) = AsyncStream<LiveMessage>.makeStream()
        guard !isShutDown else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        updateSubscribers[id] = (userID, continuation)
        continuation.onTermination = { _ in
            Task { await self.unsubscribe(id) }
        }
        return stream
    }

    /// Queues a keep-alive on every open live stream.
    func sendKeepAlives() {
        for subscriber in updateSubscribers.values {
            subscriber.continuation.yield(.keepAlive)
        }
    }

    /// Ends every open live stream (the connections close cleanly); clients must reconnect.
    func closeEventStreams() {
        for subscriber in updateSubscribers.values {
            subscriber.continuation.finish()
        }
        updateSubscribers = [:]
    }

    /// A stream that finishes when the sandbox stops; hanging requests wait on it.
    func shutdownSignal() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        guard !isShutDown else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        shutdownWaiters[id] = continuation
        continuation.onTermination = { _ in
            Task { await self.forgetShutdownWaiter(id) }
        }
        return stream
    }

    /// Ends every live stream and releases every hanging request, so the server can stop gracefully.
    func shutdown() {
        isShutDown = true
        closeEventStreams()
        for waiter in shutdownWaiters.values {
            waiter.finish()
        }
        for observer in requestObservers.values {
            observer.continuation.finish()
        }
        shutdownWaiters = [:]
        requestObservers = [:]
    }

    private func unsubscribe(_ id: UUID) {
        updateSubscribers[id] = nil
    }

    private func forgetShutdownWaiter(_ id: UUID) {
        shutdownWaiters[id] = nil
    }

    private func forgetRequestObserver(_ id: UUID) {
        requestObservers[id] = nil
    }
}
