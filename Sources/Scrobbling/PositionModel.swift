/// Where a player is in its item without asking it: an anchor position at a monotonic time, advancing at
/// `rate` while running and frozen otherwise. Re-anchored from `Seeked`, position reads and state changes.
struct PositionModel: Sendable, Hashable {
    private(set) var anchor: Duration
    private(set) var anchorTime: Duration
    private(set) var rate: Double
    private(set) var isRunning: Bool

    init(position: Duration, at now: Duration, rate: Double, isRunning: Bool) {
        anchor = max(position, .zero)
        anchorTime = now
        self.rate = Self.sane(rate)
        self.isRunning = isRunning
    }

    /// The extrapolated position, never negative.
    func position(at now: Duration) -> Duration {
        guard isRunning, now > anchorTime else { return anchor }
        return anchor + (now - anchorTime) * rate
    }

    /// Restarts extrapolation from a position the player told us.
    mutating func reanchor(to position: Duration, at now: Duration) {
        anchor = max(position, .zero)
        anchorTime = now
    }

    /// Starts or freezes extrapolation, keeping the position reached so far.
    mutating func setRunning(_ running: Bool, at now: Duration) {
        reanchor(to: position(at: now), at: now)
        isRunning = running
    }

    /// Changes the speed from now on, keeping the position reached so far.
    mutating func setRate(_ newRate: Double, at now: Duration) {
        reanchor(to: position(at: now), at: now)
        rate = Self.sane(newRate)
    }

    /// Rates outside what a player can do (negative, NaN, absurd) count as normal speed.
    private static func sane(_ rate: Double) -> Double {
        rate.isFinite && rate >= 0 && rate <= 100 ? rate : 1
    }
}
