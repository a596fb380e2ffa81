import PlaybackModel

extension PlayerTracker {
    /// When this tracker wants `tick` to be called: at the end of the settle window while a change is
    /// unsettled, else when the next `progress` is due.
    var nextDeadline: Duration? {
        guard !isAsleep else { return nil }
        if let unsettledSince { return unsettledSince + policy.settleWindow }
        if let session, session.reported == .playing { return session.progressAnchor + policy.progressInterval }
        return nil
    }

    /// Does what is due at `now`: settle a state that has held long enough, then send a due `progress`.
    mutating func tick(at now: Moment, environment: TrackerEnvironment, into step: inout ScrobblerStep) {
        guard !isAsleep else { return }
        advance(to: now.uptime)
        if let unsettledSince, now.uptime >= unsettledSince + policy.settleWindow {
            settle(at: now, environment: environment, into: &step)
        }
        if unsettledSince == nil, let current = session, current.reported == .playing,
            now.uptime >= current.progressAnchor + policy.progressInterval
        {
            emit(.progress, at: now, environment: environment, into: &step)
        }
    }

    /// Turns the state that held for the settle window into at most a stop, a start, and one of pause,
    /// resume or progress.
    private mutating func settle(at now: Moment, environment: TrackerEnvironment, into step: inout ScrobblerStep) {
        unsettledSince = nil
        let settledStatus = status ?? .stopped
        step.decisions.append(Decision(busName: busName, .settled, "\(settledStatus.rawValue) \(metadata.logName)"))
        defer {
            seekPending = false
            session?.positionBeforeSeek = nil
        }
        if let current = session {
            if settledStatus == .stopped {
                closeSession(at: now, reason: "player stopped", environment: environment, into: &step)
            } else if metadata.itemKey != current.itemKey {
                closeSession(at: now, reason: "a new item", environment: environment, into: &step)
            } else {
                settleTransition(to: settledStatus, at: now, environment: environment, into: &step)
                return
            }
        }
        if settledStatus == .playing {
            openSession(at: now, environment: environment, into: &step)
        }
    }

    private mutating func settleTransition(
        to settledStatus: PlaybackStatus,
        at now: Moment,
        environment: TrackerEnvironment,
        into step: inout ScrobblerStep
    ) {
        guard let current = session else { return }
        switch (current.reported, settledStatus) {
        case (.playing, .paused):
            session?.reported = .paused
            emit(.pause, at: now, environment: environment, into: &step)
        case (.paused, .playing):
            session?.reported = .playing
            emit(.resume, at: now, environment: environment, into: &step)
        case (.playing, .playing) where seekPending:
            emit(.progress, at: now, environment: environment, into: &step)
        default:
            break
        }
    }

    /// Appends the next event of the open session; `start`, `resume` and `progress` restart the
    /// progress interval.
    mutating func emit(
        _ action: PlaybackAction,
        at now: Moment,
        environment: TrackerEnvironment,
        into step: inout ScrobblerStep
    ) {
        guard var current = session else { return }
        let event = current.makeEvent(
            action,
            at: now,
            eventID: environment.makeID(),
            context: environment.context,
            policy: policy
        )
        if action != .pause {
            current.progressAnchor = now.uptime
        }
        session = current
        step.events.append(event)
    }
}
