import Foundation
import PlaybackModel

/// The imperative shell around `Scrobbler`: consumes the observation stream, stamps every input with the
/// injected clock's time, sleeps until the core's next deadline, and hands each step's events and
/// decisions to `sink` in order. `run()` returns after stopping open sessions, when the observations end,
/// on `shutdown()`, or when its task is cancelled (how swift-service-lifecycle ends a service). It also keeps
/// the live view of what is being reported (`activity()`) and pushes it to watchers when it changes.
public actor ScrobblingService<C: Clock> where C.Duration == Duration {
    private var scrobbler: Scrobbler
    private let clock: C
    private let origin: C.Instant
    private let wallClockMillis: @Sendable () -> Int64
    private let sink: @Sendable (ScrobblerStep) async -> Void
    private let inputs: AsyncStream<ScrobblerInput>
    private let inputContinuation: AsyncStream<ScrobblerInput>.Continuation
    private var timer: Task<Void, Never>?
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
        (inputs, inputContinuation) = AsyncStream<ScrobblerInput>.makeStream()
    }

    /// Hands over the sessions the last run left open (see `InheritedSession`). Call it before `run()`, so
    /// they are known before the first observation.
    public nonisolated func inherit(_ sessions: [InheritedSession]) {
        guard !sessions.isEmpty else { return }
        inputContinuation.yield(.inherit(sessions))
    }

    /// The machine is about to sleep (logind `PrepareForSleep(true)`).
    public nonisolated func prepareForSleep() {
        inputContinuation.yield(.sleep)
    }

    /// The machine woke up (logind `PrepareForSleep(false)`).
    public nonisolated func wake() {
        inputContinuation.yield(.wake)
    }

    /// Pauses all reporting until the wall clock reaches `untilWallClockMillis` (milliseconds since 1970), or
    /// until `resumeReporting()` when nil; open sessions stop at once. Pausing again replaces the end.
    public nonisolated func pauseReporting(untilWallClockMillis: Int64?) {
        inputContinuation.yield(.pauseReporting(untilWallClockMillis: untilWallClockMillis))
    }

    /// Ends a pause of reporting; players that play get new sessions after settling.
    public nonisolated func resumeReporting() {
        inputContinuation.yield(.resumeReporting)
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
        inputContinuation.yield(.shutdown)
    }

    /// Runs until the observations end, `shutdown()` is called or the task is cancelled; each way ends with
    /// the `stop` of every open session. Call it once per service.
    ///
    /// The observation pump is an unstructured task cancelled on the way out, so that a sequence that does
    /// not react to cancellation cannot keep `run()` from returning.
    public func run(observations: some AsyncSequence<PlayerObservation, Never> & Sendable) async {
        let continuation = inputContinuation
        let pump = Task {
            for await observation in observations {
                continuation.yield(.observation(observation))
            }
            continuation.yield(.shutdown)
        }
        for await input in inputs {
            await handle(input)
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

    private func handle(_ input: ScrobblerInput) async {
        let step = scrobbler.handle(input, at: moment())
        schedule(step.nextDeadline)
        publishActivity()
        if !step.events.isEmpty || !step.decisions.isEmpty {
            await sink(step)
        }
    }

    private func moment() -> Moment {
        Moment(uptime: origin.duration(to: clock.now), wallClockMillis: wallClockMillis())
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
                inputContinuation.yield(.deadline)
            } catch {
                return
            }
        }
    }
}
