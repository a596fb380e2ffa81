import PlaybackModel

/// A configuration reload: new per-player policies without losing the sessions that are open.
extension Scrobbler {
    /// Replaces the per-player policy. A player without an open session takes its new policy at once; a
    /// player in a session keeps the old one until that session ends, so an item is never judged by two sets
    /// of rules. Players that appear later get the new policy. A player switched off that had been off
    /// already stays off until it appears again (its state was not kept).
    public mutating func reconfigure(
        policy: @escaping @Sendable (PlayerInfo) -> PlayerPolicy,
        at now: Moment
    ) -> ScrobblerStep {
        configuration.policy = policy
        var step = ScrobblerStep()
        endReportingPauseIfDue(at: now, into: &step)
        for busName in trackers.keys.sorted() {
            guard let tracker = trackers[busName] else { continue }
            let newPolicy = policy(tracker.info)
            if tracker.session == nil {
                trackers[busName]?.pendingPolicy = newPolicy
            } else if newPolicy != tracker.policy {
                trackers[busName]?.pendingPolicy = newPolicy
                step.decisions.append(
                    Decision(busName: busName, .reconfigured, "new settings apply when the current session ends")
                )
            }
        }
        adoptPendingPolicies(at: now.uptime, into: &step)
        scheduleReportingPauseCheck(at: now)
        step.nextDeadline = nextDeadline
        return step
    }

    /// Gives every player without an open session the policy a reload left for it, judging its item again;
    /// a player switched off is dropped and its later observations are ignored.
    mutating func adoptPendingPolicies(at now: Duration, into step: inout ScrobblerStep) {
        for busName in trackers.keys.sorted() {
            guard var tracker = trackers[busName], tracker.session == nil else { continue }
            let changes = tracker.pendingPolicy.map { $0 != tracker.policy } ?? false
            tracker.adoptPendingPolicy(into: &step)
            guard tracker.policy.isEnabled else {
                trackers[busName] = nil
                disabledPlayers[busName] = tracker.info
                step.decisions.append(Decision(busName: busName, .reconfigured, "player is off now"))
                continue
            }
            if changes { tracker.markUnsettled(at: now) }
            trackers[busName] = tracker
        }
    }
}
