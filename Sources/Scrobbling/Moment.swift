/// The time of one input to the scrobbling core, told by the shell because the core never reads a clock:
/// monotonic time for every duration it measures, and wall time only to stamp `event_created_at`.
public struct Moment: Sendable, Hashable {
    /// Monotonic time since an arbitrary origin fixed by the shell; deadlines are on this axis.
    public var uptime: Duration
    /// Wall-clock milliseconds since 1970, as the shell read them at the same instant.
    public var wallClockMillis: Int64

    public init(uptime: Duration, wallClockMillis: Int64) {
        self.uptime = uptime
        self.wallClockMillis = wallClockMillis
    }
}
