import Foundation
import PlaybackModel

/// The bookkeeping behind `RefreshPolicy`, as a value the token lifecycle keeps: when the last failed refreshes
/// happened and how long the current cool-down lasts, all measured on the lifecycle's injected clock.
struct RefreshThrottle: Sendable {
    static let window: TimeInterval = 3600

    let policy: RefreshPolicy
    private var failures: [Date] = []
    private var failuresInARow = 0
    private var coolDownEnds: Date?

    init(policy: RefreshPolicy) {
        self.policy = policy
    }

    /// How long a refresh must still wait at `now`; nil when one may start.
    func remainingWait(at now: Date) -> TimeInterval? {
        var wait = coolDownEnds.map { $0.timeIntervalSince(now) } ?? 0
        let recent = failures.filter { now.timeIntervalSince($0) < Self.window }
        if recent.count >= policy.maximumPerHour, let oldest = recent.first {
            wait = max(wait, oldest.addingTimeInterval(Self.window).timeIntervalSince(now))
        }
        return wait > 0 ? wait : nil
    }

    mutating func recordSuccess() {
        failuresInARow = 0
        coolDownEnds = nil
    }

    /// Starts the next cool-down: the back-off step for this many failures in a row, or `retryAfter` when the
    /// service asked for longer.
    mutating func recordFailure(at now: Date, retryAfter: Duration?) {
        failures = failures.filter { now.timeIntervalSince($0) < Self.window } + [now]
        let step = policy.backoff.delay(attempt: failuresInARow).seconds
        failuresInARow += 1
        coolDownEnds = now.addingTimeInterval(max(step, retryAfter?.seconds ?? 0))
    }

    /// Ends the cool-down (a new login is tried at once); the hourly count of failures stays.
    mutating func forgetFailures() {
        recordSuccess()
    }
}
