import MediaIdentity
import PlaybackModel

/// The functional core: routes each observation to its player's tracker, runs what is due, and returns the
/// resulting events, decisions and next deadline. A value with no clock, no I/O and no randomness of its
/// own; the shell (`ScrobblingService`) owns time and delivery.
public struct Scrobbler: Sendable {
    /// What the core needs from the outside world, injected so tests control all of it.
    public struct Configuration: Sendable {
        public var context: ScrobblingContext
        /// The policy of a player, from configuration or `PlayerPolicy.defaults(for:)`.
        public var policy: @Sendable (PlayerInfo) -> PlayerPolicy
        public var identify: @Sendable (MediaHints) -> IdentificationResult
        /// A new unique id for `playback_session_id` and `event_id`.
        public var makeID: @Sendable () -> String

        public init(
            context: ScrobblingContext,
            policy: @escaping @Sendable (PlayerInfo) -> PlayerPolicy = PlayerPolicy.defaults(for:),
            identify: @escaping @Sendable (MediaHints) -> IdentificationResult = MediaIdentifier.identify,
            makeID: @escaping @Sendable () -> String
        ) {
            self.context = context
            self.policy = policy
            self.identify = identify
            self.makeID = makeID
        }
    }

    var configuration: Configuration
    var trackers: [String: PlayerTracker] = [:]
    /// Players whose policy says not to report them, by bus name; their observations are dropped.
    var disabledPlayers: [String: PlayerInfo] = [:]
    var isAsleep = false
    var isShutDown = false
    /// The user's pause of all reporting, while it lasts.
    var reportingPause: ReportingPause?
    /// Sessions the last run left open that no player has taken over yet, oldest first.
    var inherited: [InheritedSession] = []
    /// When `inherited` was handed over; the claim window counts from here.
    var inheritedSince: Duration?

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The earliest deadline of any player, on the uptime axis; while reporting is paused, only when to look
    /// at the wall clock for the end of the pause.
    public var nextDeadline: Duration? {
        if let reportingPause { return reportingPause.checkAt }
        return (trackers.values.compactMap(\.nextDeadline) + [inheritanceDeadline].compactMap { $0 }).min()
    }

    /// Whether any player has an open session, or a session of the last run waits to be continued.
    public var hasOpenSessions: Bool {
        !inherited.isEmpty || trackers.values.contains { $0.session != nil }
    }

    /// Feeds one input at `now`. Work that fell due before the input is done first, so a state that held
    /// for its settle window is settled before the next change can cancel it.
    public mutating func handle(_ input: ScrobblerInput, at now: Moment) -> ScrobblerStep {
        var step = ScrobblerStep()
        guard !isShutDown else {
            step.decisions.append(Decision(busName: input.busName, .ignored, "the agent is shutting down"))
            return step
        }
        endReportingPauseIfDue(at: now, into: &step)
        runDue(at: now, into: &step)
        switch input {
        case .observation(let observation): observe(observation, at: now, into: &step)
        case .deadline: break
        case .sleep: sleep(at: now, into: &step)
        case .wake: wake(at: now, into: &step)
        case .shutdown: shutDown(at: now, into: &step)
        case .inherit(let sessions): inherit(sessions, at: now, into: &step)
        case .pauseReporting(let end): pauseReporting(until: end, at: now, into: &step)
        case .resumeReporting: resumeReporting(at: now, reason: "by the user", into: &step)
        }
        forgetContinuedSessions()
        adoptPendingPolicies(at: now.uptime, into: &step)
        scheduleReportingPauseCheck(at: now)
        step.nextDeadline = nextDeadline
        return step
    }

    /// Players act on what is due unless reporting is paused; they go on following their players either way.
    private mutating func runDue(at now: Moment, into step: inout ScrobblerStep) {
        for busName in trackers.keys.sorted() where !isReportingPaused {
            let environment = environment(excluding: busName)
            let openBefore = trackers[busName]?.session?.itemKey
            trackers[busName]?.tick(at: now, environment: environment, into: &step)
            if openBefore != nil, trackers[busName]?.session?.itemKey != openBefore {
                reconsiderOthers(than: busName, at: now.uptime)
            }
            forgetContinuedSessions()
        }
        if let inheritanceDeadline, now.uptime >= inheritanceDeadline {
            closeInheritedSessions(at: now, reason: "its item is not playing", into: &step)
        }
    }

    private mutating func observe(_ observation: PlayerObservation, at now: Moment, into step: inout ScrobblerStep) {
        let busName = observation.busName
        if disabledPlayers[busName] != nil {
            if case .vanished = observation { disabledPlayers[busName] = nil }
            return
        }
        switch observation {
        case .appeared(let info, let properties):
            appear(info, properties, at: now, into: &step)
        case .changed(_, let change):
            guard trackers[busName] != nil else { return unknown(busName, into: &step) }
            trackers[busName]?.apply(change, at: now.uptime, into: &step)
        case .seeked(_, let position):
            guard trackers[busName] != nil else { return unknown(busName, into: &step) }
            trackers[busName]?.seeked(to: position, at: now.uptime, into: &step)
        case .vanished:
            guard var tracker = trackers.removeValue(forKey: busName) else { return }
            let hadSession = tracker.session != nil
            tracker.closeSession(
                at: now,
                reason: "player vanished",
                environment: environment(excluding: busName),
                into: &step
            )
            if hadSession { reconsiderOthers(than: busName, at: now.uptime) }
        }
    }

    private mutating func appear(
        _ info: PlayerInfo,
        _ properties: PlayerProperties,
        at now: Moment,
        into step: inout ScrobblerStep
    ) {
        if trackers[info.busName] != nil {
            trackers[info.busName]?.apply(properties, at: now.uptime, into: &step)
            return
        }
        let policy = configuration.policy(info)
        guard policy.isEnabled else {
            disabledPlayers[info.busName] = info
            step.decisions.append(Decision(busName: info.busName, .ignored, Self.switchedOffReason(info)))
            return
        }
        trackers[info.busName] = PlayerTracker(
            info: info,
            properties: properties,
            policy: policy,
            at: now.uptime,
            asleep: isAsleep
        )
    }

    /// Why a player switched off by its policy is not reported, and how to switch it on.
    static func switchedOffReason(_ info: PlayerInfo) -> String {
        "player \(info.name) is off (\(PlayerKind(info).rawValue)); enable it in players.d/\(info.name).toml"
    }

    private func unknown(_ busName: String, into step: inout ScrobblerStep) {
        step.decisions.append(Decision(busName: busName, .ignored, "observation for a player that never appeared"))
    }

    /// After a session closed, players that were refused as duplicates of it get to settle again.
    private mutating func reconsiderOthers(than busName: String, at now: Duration) {
        for other in trackers.keys where other != busName && trackers[other]?.session == nil {
            if trackers[other]?.status == .playing {
                trackers[other]?.markUnsettled(at: now)
            }
        }
    }

    func environment(excluding busName: String) -> TrackerEnvironment {
        var elsewhere: [String: String] = [:]
        for (otherBusName, tracker) in trackers where otherBusName != busName {
            if let session = tracker.session { elsewhere[session.contentKey] = otherBusName }
        }
        return TrackerEnvironment(
            identify: configuration.identify,
            makeID: configuration.makeID,
            context: configuration.context,
            contentElsewhere: elsewhere,
            inherited: Dictionary(inherited.map { ($0.contentKey, $0) }, uniquingKeysWith: { _, newer in newer })
        )
    }
}

extension ScrobblerInput {
    fileprivate var busName: String? {
        if case .observation(let observation) = self { return observation.busName }
        return nil
    }
}
