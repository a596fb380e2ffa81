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
/// `run()` fits a swift-service-lifecycle `Service`: it returns when its task is cancelled. After it has
/// returned, `drain(within:)` sends what it can before a shutdown deadline.
public actor EventDelivery {
    public nonisolated let store: OutboxStore
    private let writer: any PlaybackWriting
    private let policy: DeliveryPolicy
    private let random: @Sendable () -> Double
    private var state = DeliveryState()
    private var observers: [UUID: AsyncStream<DeliveryState>.Continuation] = [:]
    private var wakeRequested = false
    private var probeRequested = false
    /// One attempt is allowed while a login hold is recorded: at start-up and after `loginRestored()`.
    private var loginProbe = true
    private var sleeper: Task<Void, Never>?
    private var active = false

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
    }

    // MARK: Inputs

    /// Commits `event` to the store, then wakes the loop. When this returns the event is on disk.
    @discardableResult
    public func enqueue(_ event: PlaybackEvent) async throws(OutboxError) -> Bool {
        let inserted = try await store.enqueue(event)
        eventArrived()
        return inserted
    }

    /// Tells the loop that events were queued by other means (`store.enqueue`).
    public func eventArrived() {
        probeRequested = true
        wake()
    }

    /// The user logged in again: lifts the hold and delivers everything held.
    public func loginRestored() async throws(OutboxError) {
        try await store.clearLoginRequired()
        loginProbe = true
        wake()
    }

    /// Every state change from now on, starting with the current state.
    public func states() -> AsyncStream<DeliveryState> {
        let (stream, continuation) = AsyncStream.makeStream(of: DeliveryState.self)
        let id = UUID()
        observers[id] = continuation
        continuation.yield(state)
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeObserver(id) }
        }
        return stream
    }

    /// The latest published state.
    public var currentState: DeliveryState { state }

    // MARK: Running

    /// Delivers until cancelled.
    public func run() async {
        guard !active else { return }
        active = true
        defer { active = false }
        while !Task.isCancelled {
            switch await step(deadline: nil) {
            case .progressed:
                continue
            case .wait(let until, let reason):
                publish { $0.phase = .waiting(until: until, reason: reason) }
                await pause(until: until)
            case .idle:
                publish { $0.phase = .idle }
                await pause(until: nil)
            case .held:
                publish { $0.phase = .loginRequired }
                await pause(until: nil)
            }
        }
        publish { $0.phase = .stopped }
    }

    /// Sends what can go before `timeout` runs out (a shutdown deadline), then returns the number of events
    /// still queued. An attempt cut off by the deadline is not counted as a failure. Call after `run()` has
    /// returned; while it runs, this returns at once.
    @discardableResult
    public func drain(within timeout: Duration) async -> Int {
        let deadline = store.clock.now() + timeout.wholeMilliseconds
        guard !active else { return state.pendingCount }
        active = true
        defer { active = false }
        while store.clock.now() < deadline {
            switch await step(deadline: deadline) {
            case .progressed:
                continue
            case .wait(let until, _) where until < deadline:
                await pause(until: until)
            case .wait, .idle, .held:
                return await remaining()
            }
        }
        return await remaining()
    }

    // MARK: One step

    private enum Step {
        case progressed
        case wait(until: Int64, reason: DeliveryState.WaitReason)
        case idle
        case held
    }

    private func step(deadline: Int64?) async -> Step {
        let plan: DeliveryPlan
        do {
            plan = try await store.plan(pacing: policy.pacing)
        } catch {
            publish { $0.lastError = error.description }
            return .wait(until: store.clock.now() + policy.recheckInterval.wholeMilliseconds, reason: .backOff)
        }
        publish { state in
            state.pendingCount = plan.pendingCount
            if let recovery = plan.databaseRecovery, recovery != state.databaseRecovery {
                state.databaseRecovery = recovery
                state.lastError = recovery.message
            }
        }
        if let unreadable = plan.unreadable {
            return await settle { () async throws(OutboxError) in try await self.store.buryUnreadable(unreadable) }
        }
        if plan.loginRequired && !loginProbe { return .held }
        if let pausedUntil = plan.pausedUntil { return .wait(until: pausedUntil, reason: .retryAfter) }
        guard let candidate = plan.candidate else {
            if probeRequested, plan.nextDueAt != nil {
                probeRequested = false
                return await settle { () async throws(OutboxError) in try await self.store.shortenEarliestWait() }
            }
            probeRequested = false
            if let due = plan.nextDueAt { return .wait(until: due, reason: .backOff) }
            return .idle
        }
        probeRequested = false
        guard plan.bucket.tokens >= 1 else {
            return .wait(until: plan.bucket.nextTokenAt(policy.pacing), reason: .pacing)
        }
        loginProbe = false
        publish { $0.phase = .sending(eventID: candidate.event.payload.eventID) }
        guard let result = await attempt(candidate.event, deadline: deadline) else { return .progressed }
        let outcome = classify(result, attempts: candidate.attempts + 1)
        do {
            // Recorded in a task of its own, so a cancellation of the loop (shutdown) cannot undo the outcome of
            // a request the server already answered.
            let store = store
            let bucket = plan.bucket.takingOne()
            let recording = Task { () async -> Result<Bool, OutboxError> in
                do throws(OutboxError) {
                    return .success(try await store.record(outcome, for: candidate, bucket: bucket))
                } catch {
                    return .failure(error)
                }
            }
            let newlyHeld = try await recording.value.get()
            publish { state in
                switch outcome {
                case .delivered:
                    state.deliveredCount += 1
                    state.pendingCount = max(state.pendingCount - 1, 0)
                case .permanent(let error):
                    state.deadLetteredCount += 1
                    state.pendingCount = max(state.pendingCount - 1, 0)
                    state.lastError = error.description
                case .transient(let error, _, _), .loginRequired(let error):
                    state.lastError = error.description
                }
                if newlyHeld { state.phase = .loginRequired }
            }
        } catch {
            publish { $0.lastError = error.description }
            return .wait(until: store.clock.now() + policy.recheckInterval.wholeMilliseconds, reason: .backOff)
        }
        return .progressed
    }

    private func settle(_ body: () async throws(OutboxError) -> Void) async -> Step {
        do {
            try await body()
            return .progressed
        } catch {
            publish { $0.lastError = error.description }
            return .wait(until: store.clock.now() + policy.recheckInterval.wholeMilliseconds, reason: .backOff)
        }
    }

    private func classify(_ result: Result<PlaybackReceipt, PunchPlayError>, attempts: Int) -> SendOutcome {
        switch result {
        case .success(let receipt):
            return .delivered(receipt)
        case .failure(let error):
            switch error.retryClass {
            case .permanent:
                return .permanent(error)
            case .loginRequired:
                return .loginRequired(error)
            case .transient:
                let now = store.clock.now()
                if let retryAfter = error.retryAfter {
                    let until = now + policy.retry.honouring(retryAfter: retryAfter).wholeMilliseconds
                    return .transient(error, nextAttemptAt: until, pausedUntil: until)
                }
                let delay = policy.retry.delay(afterAttempts: attempts, random: random())
                return .transient(error, nextAttemptAt: now + delay.wholeMilliseconds, pausedUntil: nil)
            }
        }
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

    // MARK: Waiting and publishing

    private func wake() {
        wakeRequested = true
        sleeper?.cancel()
    }

    private func pause(until target: Int64?) async {
        if wakeRequested {
            wakeRequested = false
            return
        }
        let clock = store.clock
        let recheck = clock.now() + policy.recheckInterval.wholeMilliseconds
        let until = min(target ?? recheck, recheck)
        let sleeper = Task { _ = try? await clock.sleep(until: until) }
        self.sleeper = sleeper
        await withTaskCancellationHandler {
            await sleeper.value
        } onCancel: {
            sleeper.cancel()
        }
        self.sleeper = nil
        wakeRequested = false
    }

    private func remaining() async -> Int {
        (try? await store.plan(pacing: policy.pacing).pendingCount) ?? state.pendingCount
    }

    private func publish(_ change: (inout DeliveryState) -> Void) {
        var next = state
        change(&next)
        guard next != state else { return }
        state = next
        for observer in observers.values { observer.yield(next) }
    }

    private func removeObserver(_ id: UUID) {
        observers.removeValue(forKey: id)
    }
}
