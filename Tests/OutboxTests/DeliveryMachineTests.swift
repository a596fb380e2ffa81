import PlaybackModel
import Testing

@testable import Outbox

/// The delivery loop's decisions alone: plans, answers and news in, actions out. No database, no clock.
@Suite("Delivery machine: inputs to actions")
struct DeliveryMachineTests {
    private static let now: Int64 = 1_790_000_000_000
    private static let recheck: Int64 = 60_000
    private static let pacing = PacingPolicy(burst: 10, writesPerWindow: 100, window: .seconds(300))
    private static let full = TokenBucket.full(pacing, at: now)

    private static func queued(_ action: PlaybackAction, session: String = "s1", at offset: Int64, attempts: Int = 0)
        -> QueuedEvent
    {
        QueuedEvent(sequence: offset + 1, event: Events.make(action, session: session, at: offset), attempts: attempts)
    }

    private static func plan(
        _ candidate: QueuedEvent? = nil,
        nextDueAt: Int64? = nil,
        loginRequired: Bool = false,
        pausedUntil: Int64? = nil,
        bucket: TokenBucket = full,
        pendingCount: Int = 1
    ) -> DeliveryPlan {
        DeliveryPlan(
            candidate: candidate,
            nextDueAt: nextDueAt,
            loginRequired: loginRequired,
            pausedUntil: pausedUntil,
            bucket: bucket,
            pendingCount: pendingCount
        )
    }

    /// A machine that has started a step while running (not draining).
    private static func running() -> DeliveryMachine {
        var machine = DeliveryMachine(policy: DeliveryPolicy(pacing: pacing))
        #expect(machine.handle(.stepStarted(drainingUntil: nil), at: now) == [.readPlan])
        return machine
    }

    private static func state(_ change: (inout DeliveryState) -> Void) -> DeliveryState {
        var state = DeliveryState()
        change(&state)
        return state
    }

    @Test("the plan's candidate is sent, its outcome recorded with the bucket after it, then counted")
    func sendsTheCandidateAndRecords() {
        var machine = Self.running()
        let head = Self.queued(.start, at: 0)
        let sending = Self.state {
            $0.pendingCount = 1
            $0.phase = .sending(eventID: "s1-start-0")
        }
        #expect(
            machine.handle(.planRead(Self.plan(head)), at: Self.now) == [
                .publish(Self.state { $0.pendingCount = 1 }), .publish(sending), .send(head.event),
            ]
        )
        let receipt = PlaybackReceipt(ok: true)
        #expect(
            machine.handle(.sent(.success(receipt), random: 0.5), at: Self.now) == [
                .record(.delivered(receipt), for: head, bucket: Self.full.takingOne())
            ]
        )
        var delivered = sending
        delivered.deliveredCount = 1
        delivered.pendingCount = 0
        #expect(machine.handle(.recorded(newlyHeld: false), at: Self.now) == [.publish(delivered), .stepDone])
    }

    @Test("a plan is read in order: an unreadable head first, then the login hold, the Retry-After pause, pacing")
    func planPrecedence() {
        let head = Self.queued(.start, at: 0)
        let pausedUntil = Self.now + 5_000
        let empty = TokenBucket(tokens: 0, updatedAt: Self.now)
        var plan = Self.plan(head, loginRequired: true, pausedUntil: pausedUntil, bucket: empty)
        plan.unreadable = DeliveryPlan.Unreadable(sequence: 1, reason: "garbage")
        var held = Self.running()
        _ = held.handle(.planRead(Self.plan(head)), at: Self.now)  // the start-up probe is spent
        _ = held.handle(.sent(nil, random: 0.5), at: Self.now)
        var phases: [DeliveryState.Phase] = []
        var actions: [DeliveryAction] = []
        for _ in 0..<4 {
            _ = held.handle(.stepStarted(drainingUntil: nil), at: Self.now)
            actions += held.handle(.planRead(plan), at: Self.now).suffix(1)
            phases.append(held.state.phase)
            if plan.unreadable != nil {
                plan.unreadable = nil
            } else if plan.loginRequired {
                plan.loginRequired = false
            } else {
                plan.pausedUntil = nil
            }
        }
        #expect(actions.first == .buryUnreadable(DeliveryPlan.Unreadable(sequence: 1, reason: "garbage")))
        #expect(
            phases.dropFirst() == [
                .loginRequired,
                .waiting(until: pausedUntil, reason: .retryAfter),
                .waiting(until: Self.now + 3_000, reason: .pacing),
            ]
        )
    }

    @Test("an attempt cut off without an answer records nothing")
    func cutOffAttemptRecordsNothing() {
        var machine = Self.running()
        _ = machine.handle(.planRead(Self.plan(Self.queued(.start, at: 0))), at: Self.now)
        #expect(machine.handle(.sent(nil, random: 0.5), at: Self.now) == [.stepDone])
    }

    @Test("nothing queued: idle, asleep until woken or the recheck interval")
    func idleSleepsUntilRecheck() {
        var machine = Self.running()
        #expect(
            machine.handle(.planRead(Self.plan(pendingCount: 0)), at: Self.now) == [
                .sleep(until: Self.now + Self.recheck)
            ]
        )
        #expect(machine.state.phase == .idle)
        #expect(machine.handle(.woke, at: Self.now) == [.stepDone])
    }

    @Test("an empty bucket waits for the next token")
    func pacingWaitsForAToken() {
        var machine = Self.running()
        let empty = TokenBucket(tokens: 0.5, updatedAt: Self.now)
        let tokenAt = empty.nextTokenAt(Self.pacing)
        #expect(tokenAt == Self.now + 1_500)
        let actions = machine.handle(.planRead(Self.plan(Self.queued(.start, at: 0), bucket: empty)), at: Self.now)
        #expect(actions.last == .sleep(until: tokenAt))
        #expect(machine.state.phase == .waiting(until: tokenAt, reason: .pacing))
    }

    @Test("a long wait sleeps one recheck interval at a time")
    func longWaitIsCutIntoRechecks() {
        var machine = Self.running()
        let due = Self.now + 300_000
        let actions = machine.handle(.planRead(Self.plan(nextDueAt: due)), at: Self.now)
        #expect(actions.last == .sleep(until: Self.now + Self.recheck))
        #expect(machine.state.phase == .waiting(until: due, reason: .backOff))
    }

    @Test("Retry-After becomes a pause of every session; the pause is waited out")
    func retryAfterPauses() {
        var machine = Self.running()
        let head = Self.queued(.start, at: 0)
        _ = machine.handle(.planRead(Self.plan(head)), at: Self.now)
        let limited = PunchPlayError(status: 429, message: "no", retryClass: .transient, retryAfter: .seconds(42))
        let until = Self.now + 42_000
        #expect(
            machine.handle(.sent(.failure(limited), random: 0.5), at: Self.now) == [
                .record(
                    .transient(limited, nextAttemptAt: until, pausedUntil: until), for: head,
                    bucket: Self.full.takingOne())
            ]
        )
        _ = machine.handle(.recorded(newlyHeld: false), at: Self.now)
        _ = machine.handle(.stepStarted(drainingUntil: nil), at: Self.now)
        let actions = machine.handle(.planRead(Self.plan(head, pausedUntil: until)), at: Self.now)
        #expect(actions.last == .sleep(until: until))
        #expect(machine.state.phase == .waiting(until: until, reason: .retryAfter))
    }

    @Test("answers are classified: delivered, dead, held for a login, backing off with jitter, Retry-After capped")
    func classification() {
        let machine = DeliveryMachine(policy: DeliveryPolicy())
        let receipt = PlaybackReceipt(ok: true)
        #expect(machine.classify(.success(receipt), attempts: 1, random: 0.5, at: Self.now) == .delivered(receipt))
        let dead = PunchPlayError(status: 422, message: "no", retryClass: .permanent)
        #expect(machine.classify(.failure(dead), attempts: 1, random: 0.5, at: Self.now) == .permanent(dead))
        let gone = PunchPlayError(status: 401, message: "no", retryClass: .loginRequired)
        #expect(machine.classify(.failure(gone), attempts: 1, random: 0.5, at: Self.now) == .loginRequired(gone))
        let offline = PunchPlayError(status: nil, message: "no", retryClass: .transient)
        #expect(
            machine.classify(.failure(offline), attempts: 4, random: 0.5, at: Self.now)
                == .transient(offline, nextAttemptAt: Self.now + 8_000, pausedUntil: nil)
        )
        #expect(
            machine.classify(.failure(offline), attempts: 4, random: 1, at: Self.now)
                == .transient(offline, nextAttemptAt: Self.now + 9_600, pausedUntil: nil)
        )
        let greedy = PunchPlayError(status: 429, message: "no", retryClass: .transient, retryAfter: .seconds(86_400))
        #expect(
            machine.classify(.failure(greedy), attempts: 1, random: 0.5, at: Self.now)
                == .transient(greedy, nextAttemptAt: Self.now + 3_600_000, pausedUntil: Self.now + 3_600_000)
        )
    }

    @Test("a login hold is probed once at start, then holds until the login is restored, which allows one probe")
    func loginHoldAndProbe() {
        var machine = Self.running()
        let head = Self.queued(.start, at: 0)
        #expect(machine.handle(.planRead(Self.plan(head, loginRequired: true)), at: Self.now).last == .send(head.event))
        let gone = PunchPlayError(status: 401, message: "no", retryClass: .loginRequired)
        _ = machine.handle(.sent(.failure(gone), random: 0.5), at: Self.now)
        _ = machine.handle(.recorded(newlyHeld: true), at: Self.now)
        #expect(machine.state.phase == .loginRequired)

        _ = machine.handle(.stepStarted(drainingUntil: nil), at: Self.now)
        let held = machine.handle(.planRead(Self.plan(head, loginRequired: true)), at: Self.now)
        #expect(held.last == .sleep(until: Self.now + Self.recheck))
        #expect(!held.contains(.send(head.event)))

        #expect(machine.handle(.loginRestored, at: Self.now) == [.interruptSleep])
        #expect(machine.handle(.woke, at: Self.now) == [.stepDone])
        _ = machine.handle(.stepStarted(drainingUntil: nil), at: Self.now)
        #expect(machine.handle(.planRead(Self.plan(head, loginRequired: true)), at: Self.now).last == .send(head.event))
    }

    @Test("an arrival while everything backs off makes the earliest wait due now, once")
    func arrivalShortensTheEarliestWait() {
        var machine = Self.running()
        let due = Self.now + 32_000
        #expect(machine.handle(.planRead(Self.plan(nextDueAt: due)), at: Self.now).last == .sleep(until: due))
        #expect(machine.handle(.arrival, at: Self.now) == [.interruptSleep])
        #expect(machine.handle(.woke, at: Self.now) == [.stepDone])
        _ = machine.handle(.stepStarted(drainingUntil: nil), at: Self.now)
        #expect(machine.handle(.planRead(Self.plan(nextDueAt: due)), at: Self.now) == [.shortenEarliestWait])
        #expect(machine.handle(.settled, at: Self.now) == [.stepDone])
        _ = machine.handle(.stepStarted(drainingUntil: nil), at: Self.now)
        #expect(machine.handle(.planRead(Self.plan(nextDueAt: due)), at: Self.now).last == .sleep(until: due))
    }

    @Test("an arrival during a step skips the next sleep instead of shortening a wait when something can go")
    func arrivalDuringAStepSkipsTheSleep() {
        var machine = Self.running()
        #expect(machine.handle(.arrival, at: Self.now) == [.interruptSleep])
        let head = Self.queued(.start, at: 0)
        #expect(machine.handle(.planRead(Self.plan(head)), at: Self.now).last == .send(head.event))
        _ = machine.handle(
            .sent(.failure(PunchPlayError(status: 503, message: "no", retryClass: .transient)), random: 0.5),
            at: Self.now)
        _ = machine.handle(.recorded(newlyHeld: false), at: Self.now)
        _ = machine.handle(.stepStarted(drainingUntil: nil), at: Self.now)
        let due = Self.now + 1_000
        #expect(machine.handle(.planRead(Self.plan(nextDueAt: due)), at: Self.now).last == .stepDone)
        #expect(machine.state.phase == .waiting(until: due, reason: .backOff))
    }

    @Test("a store failure is published and rechecked after the recheck interval")
    func storeFailureRechecks() {
        var machine = Self.running()
        let failure = OutboxError.storage("disk I/O error")
        let until = Self.now + Self.recheck
        #expect(
            machine.handle(.storeFailed(failure), at: Self.now) == [
                .publish(Self.state { $0.lastError = failure.description }),
                .publish(
                    Self.state {
                        $0.lastError = failure.description
                        $0.phase = .waiting(until: until, reason: .backOff)
                    }),
                .sleep(until: until),
            ]
        )
    }

    @Test("an unreadable head event goes to the dead letters")
    func unreadableIsBuried() {
        var machine = Self.running()
        let unreadable = DeliveryPlan.Unreadable(sequence: 7, reason: "garbage")
        var plan = Self.plan()
        plan.unreadable = unreadable
        #expect(machine.handle(.planRead(plan), at: Self.now).last == .buryUnreadable(unreadable))
        #expect(machine.handle(.settled, at: Self.now) == [.stepDone])
    }

    @Test("while draining: waits before the deadline are slept silently, anything else ends the drain")
    func drainStopsAtTheDeadline() {
        var machine = DeliveryMachine(policy: DeliveryPolicy(pacing: Self.pacing))
        let deadline = Self.now + 2_000
        _ = machine.handle(.stepStarted(drainingUntil: deadline), at: Self.now)
        #expect(
            machine.handle(.planRead(Self.plan(nextDueAt: Self.now + 1_000)), at: Self.now) == [
                .publish(Self.state { $0.pendingCount = 1 }), .sleep(until: Self.now + 1_000),
            ]
        )
        _ = machine.handle(.stepStarted(drainingUntil: deadline), at: Self.now)
        #expect(machine.handle(.planRead(Self.plan(nextDueAt: deadline)), at: Self.now) == [.drainEnded])
        _ = machine.handle(.stepStarted(drainingUntil: deadline), at: Self.now)
        #expect(machine.handle(.planRead(Self.plan(pendingCount: 0)), at: Self.now).last == .drainEnded)
        #expect(machine.state.phase == .idle)
    }

    @Test("a replaced database file is published once, with its message as the last error")
    func recoveryIsPublishedOnce() {
        var machine = Self.running()
        let recovery = CorruptionRecovery(originalPath: "/q.sqlite", movedTo: "/q.sqlite.corrupt", reason: "bad")
        var plan = Self.plan(pendingCount: 0)
        plan.databaseRecovery = recovery
        let first = machine.handle(.planRead(plan), at: Self.now)
        #expect(
            first.first
                == .publish(
                    Self.state {
                        $0.databaseRecovery = recovery
                        $0.lastError = recovery.message
                    }))
        _ = machine.handle(.woke, at: Self.now)
        _ = machine.handle(.stepStarted(drainingUntil: nil), at: Self.now)
        #expect(machine.handle(.planRead(plan), at: Self.now) == [.sleep(until: Self.now + Self.recheck)])
    }
}
