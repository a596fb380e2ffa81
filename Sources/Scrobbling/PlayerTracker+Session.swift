import MediaIdentity
import PlaybackModel

extension PlayerTracker {
    /// Opens a session for the item on screen, unless the policy, identification or another player's
    /// session says it must not be reported.
    mutating func openSession(at now: Moment, environment: TrackerEnvironment, into step: inout ScrobblerStep) {
        guard let itemKey = metadata.itemKey else {
            step.decisions.append(Decision(busName: busName, .ignored, "the player names no item"))
            return
        }
        guard itemKey != refusedItemKey else { return }
        let identification: Identification
        switch admission(environment: environment) {
        case .refused(let reason):
            refusedItemKey = itemKey
            step.decisions.append(Decision(busName: busName, .ignored, reason))
            return
        case .elsewhere(let otherBusName):
            step.decisions.append(Decision(busName: busName, .ignored, "already reported through \(otherBusName)"))
            return
        case .admitted(let admitted):
            identification = admitted
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

    private enum Admission {
        case admitted(Identification)
        case refused(String)
        case elsewhere(String)
    }

    private func admission(environment: TrackerEnvironment) -> Admission {
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
        switch environment.identify(metadata.hints) {
        case .notMedia(let reason):
            return .refused("not a movie or episode: \(reason)")
        case .media(var identification):
            identification.mediaType = policy.mediaTypeOverride.apply(to: identification.mediaType)
            if let other = environment.contentElsewhere[PlaybackSession.contentKey(identification)] {
                return .elsewhere(other)
            }
            return .admitted(identification)
        }
    }
}
