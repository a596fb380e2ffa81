/// A pause of all reporting the user asked for ("private mode"): while it lasts no event is made, whatever
/// the players do. Its end is a wall-clock moment because it must hold across restarts and suspend; the
/// uptime at which the core looks at the wall clock again is derived from it at every input.
struct ReportingPause: Sendable, Hashable {
    /// The longest the core waits before looking at the wall clock again while a timed pause lasts: a clock
    /// that jumps ahead with no input to tell (a suspend logind did not announce, the clock set forward) is
    /// noticed within this.
    static let longestWait: Duration = .seconds(60)

    /// When reporting resumes by itself, in milliseconds since 1970; nil for a pause until resumed.
    var untilWallClockMillis: Int64?
    /// The uptime at which the core wants to check whether the end has come; nil for a pause until resumed.
    private(set) var checkAt: Duration?

    init(untilWallClockMillis: Int64?) {
        self.untilWallClockMillis = untilWallClockMillis
    }

    /// Whether the end has come at `now`.
    func hasEnded(at now: Moment) -> Bool {
        guard let untilWallClockMillis else { return false }
        return now.wallClockMillis >= untilWallClockMillis
    }

    /// How long the pause still lasts at `now`; nil for a pause until resumed.
    func remaining(at now: Moment) -> Duration? {
        guard let untilWallClockMillis else { return nil }
        let (millis, overflow) = untilWallClockMillis.subtractingReportingOverflow(now.wallClockMillis)
        if overflow { return untilWallClockMillis > now.wallClockMillis ? .milliseconds(Int64.max) : .zero }
        return .milliseconds(max(millis, 0))
    }

    /// Schedules the next look at the wall clock from `now`: at the expected end, or after `longestWait`.
    mutating func scheduleCheck(from now: Moment) {
        checkAt = remaining(at: now).map { now.uptime + min(max($0, .milliseconds(1)), Self.longestWait) }
    }
}
