import Foundation
import PlaybackModel

/// The imperative shell around `Scrobbler`: consumes the observation stream, stamps every input with the
/// injected clock's time (an observation with the time it came off the bus, see `maximumBackdating`), sleeps
/// until the core's next deadline, and hands each step's events and
/// decisions to `sink` in order. `run()` returns after stopping open sessions, when the observations end,
/// on `shutdown()`, or when its task is cancelled (how swift-service-lifecycle ends a service). It also keeps
/// the live view of what is being reported (`activity()`) and pushes it to watchers when it changes.
public actor ScrobblingService<C: Clock> where C.Duration == Duration {
    private var scrobbler: Scrobbler
    private let clock: C
    private let origin: C.Instant
    private let wallClockMillis: @Sendable () -> Int64
    private let sink: @Sendable (ScrobblerStep) async -> Void
    private let inputs: AsyncStream<TimedInput>
    private let inputContinuation: AsyncStream<TimedInput>.Continuation
    private var timer: Task<Void, Never>?
    /// The uptime of the last input handled: inputs are never told an earlier time than one before them.
    private var lastUptime: Duration = .zero
    /// The live view as of the last handled input.
    private var latestActivity: ReportingActivity
    /// The continuations of `activityUpdates()` streams still being read.
    /// Set when `run()` has returned: new watchers get a finished stream.
    private var isFinished = false
    private var activityWatchers: [UUID: AsyncStream<ReportingActivity>.Continuation] = [:]

    /// - Parameters:
    ///   - scrobbler: the core, usually fresh.
    ///   - clock: monotonic time for the settle windows, progress interval and position extrapolation. The
    ///     agent should pass a `SuspendingClock`: it stands still while the machine sleeps, as players do.
    ///   - wallClockMillis: milliseconds since 1970 for `event_created_at`.
    ///   - sink: receives every step that has events or decisions, awaited before the next input.
    public init(
        scrobbler: Scrobbler,
        clock: C,
        wallClockMillis: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) },
        sink: @escaping @Sendable (ScrobblerStep) async -> Void
    ) {
        self.scrobbler = scrobbler
        self.clock = clock
        origin = clock.now
        self.wallClockMillis = wallClockMillis
        self.sink = sink
        latestActivity = scrobbler.activity
        (inputs, inputContinuation) = AsyncStream<TimedInput>.makeStream()
    }

    /// An input, with when it happened if that is before it is handled (an observation's signal).
    private struct TimedInput: Sendable {
        var input: ScrobblerInput
        var arrivedAt: Duration?

        init(_ input: ScrobblerInput, arrivedAt: Duration? = nil) {
            self.input = input
            self.arrivedAt = arrivedAt
        }
    }

    /// How much earlier than it is handled an observation may be taken to have happened. A change settles
    /// from when its signal came off the bus, so the reads that complete it (a round trip to the player for
    /// `Position`) are not counted as time its state held; but a position a slow player answered late is never
    /// placed more than this before it was read.
    public static var maximumBackdating: Duration { .milliseconds(100) }

    /// The service's clock now, on the axis of its deadlines and of the stamps of `run(stampedObservations:)`.
    public nonisolated func uptime() -> Duration {
        origin.duration(to: clock.now)
    }

    /// Hands over the sessions the last run left open (see `InheritedSession`). Call it before `run()`, so
    /// they are known before the first observation.
    public nonisolated func inherit(_ sessions: [InheritedSession]) {
        guard !sessions.isEmpty else { return }
        inputContinuation.yield(TimedInput(.inherit(sessions)))
    }

    /// The machine is about to sleep (logind `PrepareForSleep(true)`).
    public nonisolated func prepareForSleep() {
        inputContinuation.yield(TimedInput(.sleep))
    }

    /// The machine woke up (logind `PrepareForSleep(false)`).
    public nonisolated func wake() {
        inputContinuation.yield(TimedInput(.wake))
    }

    /// Pauses all reporting until the wall clock reaches `untilWallClockMillis` (milliseconds since 1970), or
    /// until `resumeReporting()` when nil; open sessions stop at once. Pausing again replaces the end.
    public nonisolated func pauseReporting(untilWallClockMillis: Int64?) {
        inputContinuation.yield(TimedInput(.pauseReporting(untilWallClockMillis: untilWallClockMillis)))
    }

    /// Ends a pause of reporting; players that play get new sessions after settling.
    public nonisolated func resumeReporting() {
        inputContinuation.yield(TimedInput(.resumeReporting))
    }

    /// What is being reported, as of the last handled input.
    public func activity() -> ReportingActivity {
        latestActivity
    }

    /// The live view as a stream: the current value first, then every changed value after an input or a
    /// reload; a slow reader gets only the newest. The stream finishes when `run()` returns.
    public nonisolated func activityUpdates() -> AsyncStream<ReportingActivity> {
        let (updates, continuation) = AsyncStream<ReportingActivity>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            Task { await self?.stopWatching(id) }
        }
        Task { await startWatching(id, continuation) }
        return updates
    }

    private func startWatching(_ id: UUID, _ continuation: AsyncStream<ReportingActivity>.Continuation) {
        guard !isFinished else { return continuation.finish() }
        activityWatchers[id] = continuation
        continuation.yield(latestActivity)
    }

    private func stopWatching(_ id: UUID) {
        activityWatchers[id] = nil
    }

    /// Recomputes the live view and tells the watchers if it changed.
    private func publishActivity() {
        let activity = scrobbler.activity
        guard activity != latestActivity else { return }
        latestActivity = activity
        for watcher in activityWatchers.values {
            watcher.yield(activity)
        }
    }

    /// Applies a reloaded configuration's policies (see `Scrobbler.reconfigure(policy:at:)`); its decisions
    /// go to the sink like any step's.
    public func reconfigure(policy: @escaping @Sendable (PlayerInfo) -> PlayerPolicy) async {
        let step = scrobbler.reconfigure(policy: policy, at: moment())
        schedule(step.nextDeadline)
        publishActivity()
        if !step.events.isEmpty || !step.decisions.isEmpty {
            await sink(step)
        }
    }

    /// Stops open sessions and ends `run()`.
    public nonisolated func shutdown() {
        inputContinuation.yield(TimedInput(.shutdown))
    }

    /// Runs until the observations end, `shutdown()` is called or the task is cancelled; each way ends with
    /// the `stop` of every open session. Call it once per service.
    ///
    /// The observation pump is an unstructured task cancelled on the way out, so that a sequence that does
    /// not react to cancellation cannot keep `run()` from returning.
    public func run(observations: some AsyncSequence<PlayerObservation, Never> & Sendable) async {
        await run(stampedObservations: observations.map { StampedObservation($0, arrivedAt: nil) })
    }

    /// `run(observations:)` for observations stamped with when they came off the bus, on this service's
    /// `uptime()`.
    public func run(stampedObservations: some AsyncSequence<StampedObservation, Never> & Sendable) async {
        let continuation = inputContinuation
        let pump = Task {
            for await stamped in stampedObservations {
                continuation.yield(TimedInput(.observation(stamped.observation), arrivedAt: stamped.arrivedAt))
            }
            continuation.yield(TimedInput(.shutdown))
        }
        for await timed in inputs {
            await handle(timed.input, arrivedAt: timed.arrivedAt)
            if scrobbler.isShutDown { break }
        }
        if !scrobbler.isShutDown {
            await handle(.shutdown)
        }
        pump.cancel()
        timer?.cancel()
        inputContinuation.finish()
        isFinished = true
        for watcher in activityWatchers.values {
            watcher.finish()
        }
        activityWatchers = [:]
    }

    private func handle(_ input: ScrobblerInput, arrivedAt: Duration? = nil) async {
        let step = scrobbler.handle(input, at: moment(arrivedAt: arrivedAt))
        schedule(step.nextDeadline)
        publishActivity()
        if !step.events.isEmpty || !step.decisions.isEmpty {
            await sink(step)
        }
    }

    /// Now, or when an input arrived (`arrivedAt`), at most `maximumBackdating` ago and never before the last
    /// input's time; the wall clock moved back by as much.
    private func moment(arrivedAt: Duration? = nil) -> Moment {
        let now = uptime()
        var uptime = now
        if let arrivedAt { uptime = min(now, max(arrivedAt, now - Self.maximumBackdating)) }
        uptime = max(uptime, lastUptime)
        lastUptime = uptime
        return Moment(uptime: uptime, wallClockMillis: wallClockMillis() - (now - uptime).wholeMilliseconds)
    }

    /// Replaces the pending timer by one for `deadline`; a timer that fires late or needlessly is harmless
    /// because the core only does what is due at the time it is told.
    private func schedule(_ deadline: Duration?) {
        timer?.cancel()
        timer = nil
        guard let deadline else { return }
        let instant = origin.advanced(by: deadline)
        timer = Task { [clock, inputContinuation] in
            do {
                try await clock.sleep(until: instant, tolerance: nil)
                inputContinuation.yield(TimedInput(.deadline))
            } catch {
                return
            }
        }
    }
}
