import MediaIdentity
import PlaybackModel
import Scrobbling
import Testing

/// Drives the core exactly like the shell does, on virtual time: before each input, every deadline the core
/// asked for is delivered at its time. Collects all events and decisions.
struct ScriptedRun {
    static let wallClockOrigin: Int64 = 1_800_000_000_000

    private(set) var scrobbler: Scrobbler
    private(set) var now: Duration = .zero
    private(set) var events: [PlaybackEvent] = []
    private(set) var decisions: [Decision] = []
    private var nextDeadline: Duration?
    /// Added to every wall-clock reading: the system clock was set back (negative) or forward.
    private var wallClockShift: Int64 = 0

    init(
        policy: @escaping @Sendable (PlayerInfo) -> PlayerPolicy = PlayerPolicy.defaults(for:),
        identify: @escaping @Sendable (MediaHints) -> IdentificationResult = Fixtures.identify
    ) {
        let ids = IDCounter()
        scrobbler = Scrobbler(
            configuration: Scrobbler.Configuration(
                context: Fixtures.context,
                policy: policy,
                identify: identify,
                makeID: { ids.makeID() }
            )
        )
    }

    static func moment(_ uptime: Duration) -> Moment {
        Moment(uptime: uptime, wallClockMillis: wallClockOrigin + Int64((uptime / .milliseconds(1)).rounded()))
    }

    /// The moment `uptime` as the shell reads it: the wall clock with its shift.
    private func moment(_ uptime: Duration) -> Moment {
        var moment = Self.moment(uptime)
        moment.wallClockMillis += wallClockShift
        return moment
    }

    /// Delivers due deadlines up to `seconds`, then `input` at `seconds`.
    mutating func send(_ input: ScrobblerInput, at seconds: Double) {
        let time = Duration.milliseconds(Int64((seconds * 1000).rounded()))
        run(until: time)
        deliver(input, at: time)
    }

    mutating func observe(_ observation: PlayerObservation, at seconds: Double) {
        send(.observation(observation), at: seconds)
    }

    mutating func appear(_ info: PlayerInfo, _ properties: PlayerProperties, at seconds: Double) {
        observe(.appeared(info, properties), at: seconds)
    }

    mutating func change(_ info: PlayerInfo, _ properties: PlayerProperties, at seconds: Double) {
        observe(.changed(busName: info.busName, properties), at: seconds)
    }

    mutating func seek(_ info: PlayerInfo, to position: Double, at seconds: Double) {
        observe(.seeked(busName: info.busName, position: .milliseconds(Int64(position * 1000))), at: seconds)
    }

    /// Reloads the policies at `seconds`, as the agent does on SIGHUP.
    mutating func reconfigure(policy: @escaping @Sendable (PlayerInfo) -> PlayerPolicy, at seconds: Double) {
        let time = Duration.milliseconds(Int64((seconds * 1000).rounded()))
        run(until: time)
        let step = scrobbler.reconfigure(policy: policy, at: moment(now))
        events += step.events
        decisions += step.decisions
        nextDeadline = step.nextDeadline
    }

    /// Pauses reporting at `time` for `seconds` of wall-clock time from then, or until resumed when nil.
    mutating func pauseReporting(for seconds: Double?, at time: Double) {
        wait(until: time)
        let end = seconds.map { moment(now).wallClockMillis + Int64(($0 * 1000).rounded()) }
        send(.pauseReporting(untilWallClockMillis: end), at: time)
    }

    /// The wall clock jumps by `seconds` at `time` (NTP, a manual change); uptime, which the core's timers and
    /// positions follow, goes on as before.
    mutating func shiftWallClock(by seconds: Double, at time: Double) {
        wait(until: time)
        wallClockShift += Int64((seconds * 1000).rounded())
    }

    /// Delivers every deadline up to and including `seconds`, as the shell's timer would.
    mutating func wait(until seconds: Double) {
        run(until: .milliseconds(Int64((seconds * 1000).rounded())))
    }

    private mutating func run(until time: Duration) {
        while let deadline = nextDeadline, deadline <= time {
            deliver(.deadline, at: max(deadline, now))
            if let next = nextDeadline, next <= deadline {
                Issue.record("the core asked for deadline \(next) again after handling it at \(deadline)")
                return
            }
        }
        now = max(now, time)
    }

    private mutating func deliver(_ input: ScrobblerInput, at time: Duration) {
        now = max(now, time)
        let step = scrobbler.handle(input, at: moment(now))
        events += step.events
        decisions += step.decisions
        nextDeadline = step.nextDeadline
    }
}
