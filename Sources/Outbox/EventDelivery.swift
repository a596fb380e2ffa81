import Foundation
import PlaybackModel

/// The delivery loop: takes events from the store in creation order and sends them through a
/// `PlaybackWriting`, one at a time.
///
/// Order: a session's events never overtake each other; an event backing off holds back only the later
/// events of its own session, other sessions keep going. A `Retry-After` pauses every session (the service
/// asked the client to slow down), and a lost login holds everything until `loginRestored()`.
/// Waits end early when a fresh event arrives (one backing-off event is tried at once) or a send succeeds
/// (every back-off is cleared). Pacing keeps writes under the service's budget.
///
/// The decisions are `DeliveryMachine`'s; this actor is the shell that performs them: store calls, the
/// send with its time-out, sleeping on the `OutboxClock`, and publishing `DeliveryState`. Events come in
/// through `OutboxIntake`, which wakes the loop after each commit.
///
/// `run()` fits a swift-service-lifecycle `Service`: it returns when its task is cancelled. After it has
/// returned, `drain(within:)` sends what it can before a shutdown deadline.
public actor EventDelivery {
    public nonisolated let store: OutboxStore
    private let writer: any PlaybackWriting
    private let policy: DeliveryPolicy
    private let random: @Sendable () -> Double
    private var machine: DeliveryMachine
    private var observers: [UUID: AsyncStream<DeliveryState>.Continuation] = [:]
    private var sleeper: Task<Void, Never>?
    private var active = false
    /// The plan of an empty outbox and the file's stamp when it was read: while the stamp stays the same, the
    /// outbox is still empty and a recheck reuses the plan instead of reading SQLite.
    private var emptyOutbox: (stamp: OutboxFileStamp, plan: DeliveryPlan)?
    /// How many plans were read from the file; tests check that an unchanged empty outbox is not read again.
    private(set) var planReads = 0

    /// `random` returns a number in 0...1 for the back-off jitter; tests pass a fixed one.
    public init(
        store: OutboxStore,
        writer: any PlaybackWriting,
        policy: DeliveryPolicy = DeliveryPolicy(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.store = store
        self.writer = writer
        self.policy = policy
        self.random = random
        machine = DeliveryMachine(policy: policy)
    }

    // MARK: Inputs

    /// Tells the loop that events were committed (by `OutboxIntake`): one backing-off event is tried at once.
    func eventsArrived() async {
        emptyOutbox = nil
        await perform(machine.handle(.arrival, at: store.clock.now()))
    }

    /// Puts dead letters back into the queue (all of them when `eventIDs` is nil) and wakes the loop to
    /// send them; returns how many were moved.
    @discardableResult
    public func retryDeadLetters(eventIDs: [String]? = nil) async throws(OutboxError) -> Int {
        let moved = try await store.retryDeadLetters(eventIDs: eventIDs)
        await eventsArrived()
        return moved
    }

    /// Deletes the pending events (unless `deadLettersOnly`) and the dead letters, and lets the loop see the
    /// emptier queue; returns how many of each were deleted.
    @discardableResult
    public func purge(deadLettersOnly: Bool = false) async throws(OutboxError) -> (events: Int, deadLetters: Int) {
        let deleted = try await store.purge(deadLettersOnly: deadLettersOnly)
        await eventsArrived()
        return deleted
    }

    /// The user logged in again: lifts the hold and delivers everything held.
    public func loginRestored() async throws(OutboxError) {
        try await store.clearLoginRequired()
        emptyOutbox = nil
        await perform(machine.handle(.loginRestored, at: store.clock.now()))
    }

    /// Every state change from now on, starting with the current state.
    public func states() -> AsyncStream<DeliveryState> {
        let (stream, continuation) = AsyncStream.makeStream(of: DeliveryState.self)
        let id = UUID()
        observers[id] = continuation
        continuation.yield(machine.state)
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeObserver(id) }
        }
        return stream
    }

    /// The latest published state.
    public var currentState: DeliveryState { machine.state }

    // MARK: Running

    /// Delivers until cancelled.
    public func run() async {
        guard !active else { return }
        active = true
        defer { active = false }
        while !Task.isCancelled {
            await step(drainingUntil: nil)
        }
        await perform(machine.handle(.stopped, at: store.clock.now()))
    }

    /// Sends what can go before `timeout` runs out (a shutdown deadline), then returns the number of events
    /// still queued. An attempt cut off by the deadline is not counted as a failure. Call after `run()` has
    /// returned; while it runs, this returns at once.
    @discardableResult
    public func drain(within timeout: Duration) async -> Int {
        let deadline = store.clock.now() + timeout.wholeMilliseconds
        guard !active else { return machine.state.pendingCount }
        active = true
        defer { active = false }
        while store.clock.now() < deadline {
            guard await step(drainingUntil: deadline) else { break }
        }
        return await remaining()
    }

    // MARK: One step

    /// Performs the machine's actions from a step's start to its end (progress made, or a sleep over);
    /// returns false when a drain has nothing more to do.
    @discardableResult
    private func step(drainingUntil deadline: Int64?) async -> Bool {
        var input = DeliveryInput.stepStarted(drainingUntil: deadline)
        while true {
            switch await perform(machine.handle(input, at: store.clock.now()), deadline: deadline) {
            case .input(let outcome): input = outcome
            case .stepDone: return true
            case .drainEnded: return false
            }
        }
    }

    /// Where a list of actions leaves the loop.
    private enum Next {
        /// The outcome of the effect performed, for the machine.
        case input(DeliveryInput)
        case stepDone
        case drainEnded
    }

    /// Performs `actions` in order; the effect among them (a list has at most one) gives the next input.
    /// Actions answering an input from outside a step (an arrival, a login) only publish and interrupt.
    @discardableResult
    private func perform(_ actions: [DeliveryAction], deadline: Int64? = nil) async -> Next {
        var next = Next.stepDone
        for action in actions {
            switch action {
            case .publish(let state):
                for observer in observers.values { observer.yield(state) }
            case .interruptSleep:
                sleeper?.cancel()
            case .readPlan:
                next = .input(await storeCall { () async throws(OutboxError) in .planRead(try await self.plan()) })
            case .buryUnreadable(let unreadable):
                next = .input(
                    await storeCall { () async throws(OutboxError) in
                        try await self.store.buryUnreadable(unreadable)
                        return .settled
                    })
            case .shortenEarliestWait:
                next = .input(
                    await storeCall { () async throws(OutboxError) in
                        try await self.store.shortenEarliestWait()
                        return .settled
                    })
            case .send(let event):
                next = .input(.sent(await attempt(event, deadline: deadline), random: random()))
            case .record(let outcome, let queued, let bucket):
                next = .input(await record(outcome, for: queued, bucket: bucket))
            case .sleep(let until):
                await sleep(until: until)
                next = .input(.woke)
            case .stepDone:
                next = .stepDone
            case .drainEnded:
                next = .drainEnded
            }
        }
        return next
    }

    /// The plan from the store, or the empty outbox's plan again while its file is unchanged. The stamp is
    /// taken before the read: a commit after it, even one the read already saw, makes the next stamp differ.
    private func plan() async throws(OutboxError) -> DeliveryPlan {
        let stamp = await store.fileStamp()
        if let stamp, let emptyOutbox, emptyOutbox.stamp == stamp { return emptyOutbox.plan }
        let plan = try await readPlan()
        emptyOutbox = if let stamp, plan.isEmptyOutbox { (stamp, plan) } else { nil }
        return plan
    }

    private func readPlan() async throws(OutboxError) -> DeliveryPlan {
        planReads += 1
        return try await store.plan(pacing: policy.pacing)
    }

    private func storeCall(_ body: () async throws(OutboxError) -> DeliveryInput) async -> DeliveryInput {
        do {
            return try await body()
        } catch {
            return .storeFailed(error)
        }
    }

    /// Records `outcome` in a task of its own, so a cancellation of the loop (shutdown) cannot undo the
    /// outcome of a request the server already answered.
    private func record(_ outcome: SendOutcome, for queued: QueuedEvent, bucket: TokenBucket) async -> DeliveryInput {
        let store = store
        let recording = Task { () async -> DeliveryInput in
            do throws(OutboxError) {
                return .recorded(newlyHeld: try await store.record(outcome, for: queued, bucket: bucket))
            } catch {
                return .storeFailed(error)
            }
        }
        return await recording.value
    }

    /// One send, bounded by the send timeout (a transient failure) and the drain deadline (nil: no outcome).
    private func attempt(
        _ event: PlaybackEvent,
        deadline: Int64?
    ) async -> Result<PlaybackReceipt, PunchPlayError>? {
        let writer = writer
        let clock = store.clock
        let timeoutAt = clock.now() + policy.sendTimeout.wholeMilliseconds
        let cutOffAt = min(timeoutAt, deadline ?? timeoutAt)
        let timeout = PunchPlayError(
            status: nil,
            code: "timeout",
            message: "No answer within \(policy.sendTimeout); will retry.",
            retryClass: .transient
        )
        let result = await withTaskGroup(of: Result<PlaybackReceipt, PunchPlayError>?.self) { group in
            group.addTask {
                do throws(PunchPlayError) {
                    return .success(try await writer.send(event))
                } catch {
                    return .failure(error)
                }
            }
            group.addTask {
                do {
                    try await clock.sleep(until: cutOffAt)
                    return .failure(timeout)
                } catch {
                    return nil
                }
            }
            // The first outcome, skipping the time-out's nil: when the loop is stopped both children are
            // cancelled at once, and a 200 arriving then must not lose the race to the cancelled time-out.
            var first: Result<PlaybackReceipt, PunchPlayError>?
            while first == nil, let next = await group.next() { first = next }
            group.cancelAll()
            return first
        }
        // A 200 is a fact even when the loop is being stopped (shutdown): dropping it would send the event again.
        if case .success = result { return result }
        if Task.isCancelled { return nil }
        if case .failure(let error) = result, error == timeout, cutOffAt < timeoutAt { return nil }
        return result
    }

    // MARK: Waiting

    /// Sleeps on the outbox clock until `until`, or until an input interrupts the sleep.
    private func sleep(until: Int64) async {
        let clock = store.clock
        let sleeper = Task { _ = try? await clock.sleep(until: until) }
        self.sleeper = sleeper
        await withTaskCancellationHandler {
            await sleeper.value
        } onCancel: {
            sleeper.cancel()
        }
        self.sleeper = nil
    }

    private func remaining() async -> Int {
        (try? await plan().pendingCount) ?? machine.state.pendingCount
    }

    private func removeObserver(_ id: UUID) {
        observers.removeValue(forKey: id)
    }
}
