import MediaIdentity
import PlaybackModel

extension PlayerTracker {
    /// Opens a session for the item on screen, unless the policy, identification or another player's
    /// session says it must not be reported.
    mutating func openSession(at now: Moment, environment: TrackerEnvironment, into step: inout ScrobblerStep) {
        guard let itemKey = metadata.itemKey else {
            step.decisions.append(Decision(busName: busName, .ignored, Self.namesNoItem))
            return
        }
        guard itemKey != refusedItemKey else { return }
        let admission = admission(environment: environment)
        guard case .admitted(let identification) = admission else {
            if case .refused = admission { refusedItemKey = itemKey }
            step.decisions.append(Decision(busName: busName, .ignored, admission.reason ?? ""))
            return
        }
        refusedItemKey = nil
        let inherited = environment.inherited[PlaybackSession.contentKey(identification)]
        var opened = PlaybackSession(
            id: inherited?.id ?? environment.makeID(),
            itemKey: itemKey,
            identification: identification,
            rawFilename: policy.sendsFilename ? metadata.rawFilename(fullPath: policy.sendsFullPath) : nil,
            duration: metadata.knownLength,
            reported: .playing,
            position: currentPosition(at: now.uptime),
            progressAnchor: now.uptime
        )
        let summary = "\(identification.mediaType.rawValue) \(identification.title.logExcerpt)"
        if let inherited {
            // The last run crashed while this played: one playback that goes on, with its played time and
            // strictly later timestamps, instead of a second session.
            opened.playedTime = inherited.playedTime
            opened.lastCreatedAt = inherited.lastEvent.payload.eventCreatedAt
            session = opened
            step.decisions.append(Decision(busName: busName, .continue, "\(summary), left open by the last run"))
            emit(inherited.reported == .paused ? .resume : .progress, at: now, environment: environment, into: &step)
            return
        }
        session = opened
        let reasons = identification.reasons.joined(separator: "; ").logExcerpt
        let length = metadata.knownLength.map { "\($0.wholeSeconds) s" } ?? "unknown length, minimum not checked"
        step.decisions.append(Decision(busName: busName, .start, "\(summary) (\(length)): \(reasons)"))
        emit(.start, at: now, environment: environment, into: &step)
    }

    /// Sends the one `stop` of the open session and forgets it.
    mutating func closeSession(
        at now: Moment,
        reason: String,
        environment: TrackerEnvironment,
        into step: inout ScrobblerStep
    ) {
        guard session != nil else { return }
        advance(to: now.uptime)
        distrustUnsettledSeek()
        step.decisions.append(Decision(busName: busName, .stop, reason))
        emit(.stop, at: now, environment: environment, into: &step)
        session = nil
        adoptPendingPolicy(into: &step)
    }

    /// Takes the policy a configuration reload left while a session was open; the item on screen is
    /// judged again under it.
    mutating func adoptPendingPolicy(into step: inout ScrobblerStep) {
        guard session == nil, let pendingPolicy else { return }
        self.pendingPolicy = nil
        guard pendingPolicy != policy else { return }
        policy = pendingPolicy
        refusedItemKey = nil
        step.decisions.append(Decision(busName: busName, .reconfigured, "new settings apply"))
    }

    /// Why nothing is reported for a player that names no item.
    static let namesNoItem = "the player names no item"

    /// Whether the item on screen may be reported.
    enum Admission {
        case admitted(Identification)
        /// Never reported under this policy: ignored, too short, not a movie or episode.
        case refused(String)
        /// Reported already through the player with this bus name.
        case elsewhere(String)

        /// Why the item is not reported; nil when it is admitted.
        var reason: String? {
            switch self {
            case .admitted: nil
            case .refused(let reason): reason
            case .elsewhere(let otherBusName): "already reported through \(otherBusName)"
            }
        }
    }

    func admission(environment: TrackerEnvironment) -> Admission {
        if !policy.isEnabled {
            return .refused("player switched off by a configuration reload")
        }
        if let reason = policy.ignoreReason(title: metadata.title, url: metadata.url) {
            return .refused(reason)
        }
        if let length = metadata.knownLength, length < policy.minimumDuration {
            return .refused(
                "duration \(length.wholeSeconds) s below \(policy.minimumDuration.wholeSeconds) s"
            )
        }
        switch identifyItem(environment: environment) {
        case .notMedia(let reason, _):
            return .refused("not a movie or episode: \(reason)")
        case .media(let identification):
            if let other = environment.contentElsewhere[PlaybackSession.contentKey(identification)] {
                return .elsewhere(other)
            }
            return .admitted(identification)
        }
    }

    /// What the item on screen is, with the policy's media type override applied.
    func identifyItem(environment: TrackerEnvironment) -> IdentificationResult {
        let result = environment.identify(metadata.hints)
        guard case .media(var identification) = result else { return result }
        identification.mediaType = policy.mediaTypeOverride.apply(to: identification.mediaType)
        return .media(identification)
    }
}
