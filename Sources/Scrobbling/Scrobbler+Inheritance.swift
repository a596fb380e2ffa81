/// Sessions a crashed run left open: continued by the player that shows the same content again within the
/// claim window, closed with a `stop` at their last known position otherwise.
extension Scrobbler {
    /// How long after the hand-over, beyond the longest settle window of the players present, a session of
    /// the last run waits for its item: players already running appear at once, so this only has to cover
    /// the watcher listing them.
    static let claimGrace: Duration = .seconds(10)

    /// When the sessions of the last run that no player took over are closed.
    var inheritanceDeadline: Duration? {
        guard let inheritedSince, !inherited.isEmpty else { return nil }
        let longestSettle = trackers.values.map(\.policy.settleWindow).max() ?? .zero
        return inheritedSince + Self.claimGrace + longestSettle
    }

    /// Takes over the sessions the last run left open; while reporting is paused they are closed at once.
    mutating func inherit(_ sessions: [InheritedSession], at now: Moment, into step: inout ScrobblerStep) {
        let open = Set(trackers.values.compactMap(\.session?.id))
        let fresh = sessions.filter { session in
            !open.contains(session.id) && !inherited.contains { $0.id == session.id }
        }
        guard !fresh.isEmpty else { return }
        inherited += fresh
        inheritedSince = now.uptime
        for session in fresh {
            step.decisions.append(
                Decision(
                    busName: nil,
                    .leftOpen,
                    "\(session.lastEvent.payload.title?.logExcerpt ?? "untitled"), continued if it is still playing"
                )
            )
        }
        if isReportingPaused {
            closeInheritedSessions(at: now, reason: "reporting paused", into: &step)
        }
    }

    /// Drops the sessions a tracker has just taken over.
    mutating func forgetContinuedSessions() {
        guard !inherited.isEmpty else { return }
        let continued = Set(trackers.values.compactMap(\.session?.id))
        inherited.removeAll { continued.contains($0.id) }
    }

    /// Stops every session of the last run still waiting; on sleep, shutdown or when the claim window ends.
    mutating func closeInheritedSessions(at now: Moment, reason: String, into step: inout ScrobblerStep) {
        for session in inherited {
            step.decisions.append(
                Decision(
                    busName: nil,
                    .stop,
                    "\(session.lastEvent.payload.title?.logExcerpt ?? "untitled"), left open by the last run: \(reason)"
                )
            )
            step.events.append(session.closingStop(at: now, eventID: configuration.makeID()))
        }
        inherited = []
        inheritedSince = nil
    }
}
