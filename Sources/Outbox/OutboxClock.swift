import Foundation
import PlaybackModel

/// The outbox's single source of time: wall-clock milliseconds (what the database stores and the service
/// understands) and sleeping until such an instant. Built from any `Clock`, so tests drive it with a virtual
/// clock and production with `ContinuousClock`, which keeps counting while the machine is suspended.
public struct OutboxClock: Sendable {
    private let currentMilliseconds: @Sendable () -> Int64
    private let sleepUntilMilliseconds: @Sendable (Int64) async throws -> Void

    /// Maps `clock` onto wall time: the clock's current instant is taken to be `wallTimeAtStart`
    /// (milliseconds since 1970).
    public init<C: Clock>(_ clock: C, wallTimeAtStart: Int64) where C.Duration == Duration {
        let origin = clock.now
        currentMilliseconds = {
            wallTimeAtStart + origin.duration(to: clock.now).wholeMilliseconds
        }
        sleepUntilMilliseconds = { target in
            try await clock.sleep(until: origin.advanced(by: .milliseconds(target - wallTimeAtStart)), tolerance: nil)
        }
    }

    /// The production clock: wall time now, advancing with `ContinuousClock`.
    public static func live() -> OutboxClock {
        OutboxClock(ContinuousClock(), wallTimeAtStart: Int64((Date().timeIntervalSince1970 * 1000).rounded()))
    }

    /// Milliseconds since 1970.
    public func now() -> Int64 {
        currentMilliseconds()
    }

    /// Returns at `milliseconds` (at once when it has passed); throws `CancellationError` when cancelled.
    public func sleep(until milliseconds: Int64) async throws {
        guard milliseconds > now() else { return }
        try await sleepUntilMilliseconds(milliseconds)
    }
}
