import Clocks
import Foundation
import Logging
import PlaybackModel
import PunchPlay
import TestSupport

@testable import Outbox

/// One outbox on a temporary file, a virtual clock and a scripted writer, with helpers to drive the
/// delivery loop step by step without real waiting.
struct OutboxHarness {
    static let startOfTime: Int64 = 1_790_000_000_000

    let clock = TestClock<Duration>()
    let outboxClock: OutboxClock
    let directory: String
    let path: String
    let store: OutboxStore
    let writer: ScriptedWriter
    let delivery: EventDelivery
    /// The way events enter the outbox, as in the agent.
    let intake: OutboxIntake
    /// The loop's recheck interval in milliseconds: it wakes at least this often, even while backing off.
    let recheckInterval: Int64

    init(
        limits: OutboxLimits = OutboxLimits(),
        policy: DeliveryPolicy = DeliveryPolicy(pacing: PacingPolicy(burst: 1000, writesPerWindow: 1000)),
        random: Double = 0.5,
        directory: String? = nil
    ) throws {
        outboxClock = OutboxClock(clock, wallTimeAtStart: Self.startOfTime)
        self.directory = directory ?? Self.temporaryDirectory()
        path = self.directory + "/outbox.sqlite"
        store = try OutboxStore(path: path, limits: limits, clock: outboxClock)
        writer = ScriptedWriter(clock: outboxClock)
        delivery = EventDelivery(store: store, writer: writer, policy: policy, random: { random })
        intake = OutboxIntake(
            delivery: delivery, logger: Logger(label: "outbox-tests") { _ in SwiftLogNoOpLogHandler() })
        recheckInterval = policy.recheckInterval.wholeMilliseconds
    }

    /// A fresh directory for one test's outbox, inside ``testRunDirectory``.
    static func temporaryDirectory() -> String {
        let path = testRunDirectory + "/" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Where this test process keeps every outbox it makes (some hold 100,000 events); removed when the
    /// process exits, so test runs do not pile databases up in the temporary directory.
    static let testRunDirectory: String = {
        atexit { try? FileManager.default.removeItem(atPath: OutboxHarness.testRunDirectoryPath) }
        return testRunDirectoryPath
    }()

    private static var testRunDirectoryPath: String {
        NSTemporaryDirectory() + "outbox-tests-\(getpid())"
    }

    /// Starts the loop; cancel the returned task to stop it.
    func start() -> Task<Void, Never> {
        let delivery = delivery
        return Task { await delivery.run() }
    }

    /// Waits (bounded by a real-time timeout) for the first state, the current one included, matching `predicate`.
    @discardableResult
    func waitForState(
        _ predicate: @escaping @Sendable (DeliveryState) -> Bool
    ) async throws -> DeliveryState {
        let stream = await delivery.states()
        return try await withTimeout {
            for await state in stream where predicate(state) { return state }
            throw TestSupportError("the delivery states ended before one matched")
        }
    }

    /// Runs the loop's timers forward until `predicate` holds: every wait the loop announces is skipped by
    /// advancing the virtual clock to its end.
    func drive(until predicate: @escaping @Sendable (DeliveryState) -> Bool) async throws {
        let stream = await delivery.states()
        let (clock, outboxClock, recheckInterval) = (clock, outboxClock, recheckInterval)
        try await withTimeout {
            for await state in stream {
                if predicate(state) { return }
                if case .waiting(let until, _) = state.phase {
                    try await Self.advance(clock, outboxClock, to: until, inStepsOf: recheckInterval)
                }
            }
            throw TestSupportError("the delivery states ended before one matched")
        }
    }

    /// Moves the virtual clock to `target` (wall milliseconds) while the loop sleeps on it; see
    /// ``advance(_:_:to:inStepsOf:)``.
    func advanceWhenSleeping(to target: Int64) async throws {
        try await Self.advance(clock, outboxClock, to: target, inStepsOf: recheckInterval)
    }

    /// Moves the virtual clock on by `duration` while the loop sleeps on it.
    func advanceWhenSleeping(by duration: Duration) async throws {
        try await advanceWhenSleeping(to: outboxClock.now() + duration.wholeMilliseconds)
    }

    /// A `TestClock` wakes only the sleepers registered when it moves, and the loop registers its sleep a
    /// moment after announcing the wait, so each move first waits until something sleeps: moved too early,
    /// the loop would sleep for good. A long wait is crossed in steps no longer than `step`, the loop's
    /// recheck interval, because the loop wakes that often on the way and goes back to sleep.
    private static func advance(
        _ clock: TestClock<Duration>,
        _ outboxClock: OutboxClock,
        to target: Int64,
        inStepsOf step: Int64
    ) async throws {
        while outboxClock.now() < target {
            try await untilSleeping(on: clock)
            await clock.advance(by: .milliseconds(min(target - outboxClock.now(), step)))
        }
    }

    /// Returns once something sleeps on `clock` (the loop's pause or a send's time-out), polling the clock
    /// without real waiting, and throws `TimedOut` when nothing does within the real-time safety net.
    static func untilSleeping(on clock: TestClock<Duration>) async throws {
        try await withTimeout {
            while true {
                try Task.checkCancellation()
                do {
                    try await clock.checkSuspension()
                } catch {
                    return
                }
                await Task.yield()
            }
        }
    }
}

/// Builds playback events with readable ids: `<session>-<action>-<millisecond offset>`.
enum Events {
    static func make(
        _ action: PlaybackAction,
        session: String = "s1",
        at offset: Int64,
        position: Int? = nil
    ) -> PlaybackEvent {
        var payload = PlaybackPayload(
            mediaType: "movie",
            title: "Heat",
            playbackSessionID: session,
            eventID: "\(session)-\(action.rawValue)-\(offset)",
            eventCreatedAt: OutboxHarness.startOfTime + offset
        )
        payload.positionSeconds = position
        payload.durationSeconds = 10_200
        return PlaybackEvent(action: action, payload: payload)
    }
}

/// Errors as the client classifies them.
enum Failures {
    static let offline = PunchPlayError(status: nil, message: "network unreachable", retryClass: .transient)
    static let serverError = PunchPlayError(
        status: 503, code: "server_error", message: "try later", retryClass: .transient)
    static func rateLimited(after seconds: Int64) -> PunchPlayError {
        PunchPlayError(
            status: 429,
            code: "rate_limited",
            message: "slow down",
            retryClass: .transient,
            retryAfter: .seconds(seconds)
        )
    }
    static let unprocessable = PunchPlayError(
        status: 422,
        code: "invalid_request",
        message: "title too long",
        requestID: "req-422",
        retryClass: .permanent
    )
    static let loginGone = PunchPlayError(
        status: 401,
        code: "invalid_grant",
        message: "log in again",
        retryClass: .loginRequired
    )
}
