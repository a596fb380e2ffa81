import PlaybackModel

/// The decisions of the delivery loop as a value: given what happened (`DeliveryInput`) and the time, it
/// updates the loop's state and returns what to do next (`DeliveryAction`). No store, no clock, no network
/// and no randomness of its own; the shell (`EventDelivery`) performs the actions and feeds the outcomes
/// back. Order, back-off, `Retry-After`, pacing, the login hold and its probe are all decided here.
struct DeliveryMachine: Sendable {
    let policy: DeliveryPolicy
    /// The state observers see; every change comes out as a `publish` action.
    private(set) var state = DeliveryState()
    /// A fresh event arrived: one backing-off event is tried at once.
    private var probeRequested = false
    /// One attempt is allowed while a login hold is recorded: at start-up and after `loginRestored`.
    private var loginProbe = true
    /// Set by an arrival or a login; the next sleep is skipped (or the current one ended).
    private var wakeRequested = false
    /// The shutdown deadline of the current step while draining.
    private var drainDeadline: Int64?
    /// The attempt under way: the event and the bucket after it.
    private var attempt: (queued: QueuedEvent, bucket: TokenBucket)?
    /// The outcome being recorded, published once the store has it.
    private var recording: SendOutcome?

    init(policy: DeliveryPolicy) {
        self.policy = policy
    }

    /// Feeds one input at `now` (wall milliseconds) and returns the actions, in order.
    mutating func handle(_ input: DeliveryInput, at now: Int64) -> [DeliveryAction] {
        switch input {
        case .stepStarted(let deadline):
            drainDeadline = deadline
            return [.readPlan]
        case .planRead(let plan):
            return planned(plan, at: now)
        case .storeFailed(let error):
            attempt = nil
            recording = nil
            return publish { $0.lastError = error.description }
                + rest(until: now + policy.recheckInterval.wholeMilliseconds, .backOff, at: now)
        case .settled:
            return [.stepDone]
        case .sent(let result, let random):
            return sent(result, random: random, at: now)
        case .recorded(let newlyHeld):
            return recorded(newlyHeld: newlyHeld)
        case .arrival:
            probeRequested = true
            return wake()
        case .loginRestored:
            loginProbe = true
            return wake()
        case .woke:
            wakeRequested = false
            return [.stepDone]
        case .stopped:
            return publish { $0.phase = .stopped }
        }
    }

    // MARK: Choosing

    private mutating func planned(_ plan: DeliveryPlan, at now: Int64) -> [DeliveryAction] {
        let counted = publish { state in
            state.pendingCount = plan.pendingCount
            if let recovery = plan.databaseRecovery, recovery != state.databaseRecovery {
                state.databaseRecovery = recovery
                state.lastError = recovery.message
            }
        }
        if let unreadable = plan.unreadable { return counted + [.buryUnreadable(unreadable)] }
        if plan.loginRequired && !loginProbe { return counted + rest(.loginRequired, until: nil, at: now) }
        if let pausedUntil = plan.pausedUntil { return counted + rest(until: pausedUntil, .retryAfter, at: now) }
        guard let candidate = plan.candidate else {
            defer { probeRequested = false }
            if probeRequested, plan.nextDueAt != nil { return counted + [.shortenEarliestWait] }
            if let due = plan.nextDueAt { return counted + rest(until: due, .backOff, at: now) }
            return counted + rest(.idle, until: nil, at: now)
        }
        probeRequested = false
        guard plan.bucket.tokens >= 1 else {
            return counted + rest(until: plan.bucket.nextTokenAt(policy.pacing), .pacing, at: now)
        }
        loginProbe = false
        attempt = (candidate, plan.bucket.takingOne())
        return counted + publish { $0.phase = .sending(eventID: candidate.event.payload.eventID) }
            + [.send(candidate.event)]
    }

    // MARK: Sending

    private mutating func sent(
        _ result: Result<PlaybackReceipt, PunchPlayError>?,
        random: Double,
        at now: Int64
    ) -> [DeliveryAction] {
        guard let attempt else { return [.stepDone] }
        self.attempt = nil
        guard let result else { return [.stepDone] }
        let outcome = classify(result, attempts: attempt.queued.attempts + 1, random: random, at: now)
        recording = outcome
        return [.record(outcome, for: attempt.queued, bucket: attempt.bucket)]
    }

    private mutating func recorded(newlyHeld: Bool) -> [DeliveryAction] {
        guard let outcome = recording else { return [.stepDone] }
        recording = nil
        return publish { state in
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
        } + [.stepDone]
    }

    /// What an answer means for the event: delivered, dead, held for a login, or retried later (after the
    /// server's `Retry-After`, which pauses every session, or on the back-off schedule).
    func classify(
        _ result: Result<PlaybackReceipt, PunchPlayError>,
        attempts: Int,
        random: Double,
        at now: Int64
    ) -> SendOutcome {
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
                if let retryAfter = error.retryAfter {
                    let until = now + policy.retry.honouring(retryAfter: retryAfter).wholeMilliseconds
                    return .transient(error, nextAttemptAt: until, pausedUntil: until)
                }
                let delay = policy.retry.delay(afterAttempts: attempts, random: random)
                return .transient(error, nextAttemptAt: now + delay.wholeMilliseconds, pausedUntil: nil)
            }
        }
    }

    // MARK: Waiting

    private mutating func rest(
        until target: Int64,
        _ reason: DeliveryState.WaitReason,
        at now: Int64
    ) -> [DeliveryAction] {
        rest(.waiting(until: target, reason: reason), until: target, at: now)
    }

    /// Nothing to send now. While running: publish `phase` and sleep until `target` (nil: until woken),
    /// at most a recheck interval, so changes made by another process are noticed. While draining: sleep
    /// only for a wait that ends before the deadline, else the drain is over.
    private mutating func rest(_ phase: DeliveryState.Phase, until target: Int64?, at now: Int64) -> [DeliveryAction] {
        if let drainDeadline {
            guard let target, target < drainDeadline, case .waiting = phase else { return [.drainEnded] }
            return sleep(until: target, at: now)
        }
        return publish { $0.phase = phase } + sleep(until: target, at: now)
    }

    private mutating func sleep(until target: Int64?, at now: Int64) -> [DeliveryAction] {
        if wakeRequested {
            wakeRequested = false
            return [.stepDone]
        }
        let recheck = now + policy.recheckInterval.wholeMilliseconds
        return [.sleep(until: min(target ?? recheck, recheck))]
    }

    private mutating func wake() -> [DeliveryAction] {
        wakeRequested = true
        return [.interruptSleep]
    }

    // MARK: Publishing

    private mutating func publish(_ change: (inout DeliveryState) -> Void) -> [DeliveryAction] {
        var next = state
        change(&next)
        guard next != state else { return [] }
        state = next
        return [.publish(next)]
    }
}
