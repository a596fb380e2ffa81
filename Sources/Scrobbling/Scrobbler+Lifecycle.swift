/// Machine-wide inputs: sleep, wake and shutdown affect every player at once.
extension Scrobbler {
    mutating func sleep(at now: Moment, into step: inout ScrobblerStep) {
        isAsleep = true
        closeInheritedSessions(at: now, reason: "machine going to sleep", into: &step)
        for busName in trackers.keys.sorted() {
            let environment = environment(excluding: busName)
            trackers[busName]?.closeSession(
                at: now,
                reason: "machine going to sleep",
                environment: environment,
                into: &step
            )
            trackers[busName]?.sleep(at: now.uptime)
        }
    }

    mutating func wake(at now: Moment, into step: inout ScrobblerStep) {
        guard isAsleep else { return }
        isAsleep = false
        let detail = isReportingPaused ? "reporting stays paused" : "players settle again"
        step.decisions.append(Decision(busName: nil, .wokeUp, detail))
        for busName in trackers.keys.sorted() {
            trackers[busName]?.wake(at: now.uptime)
        }
    }

    mutating func shutDown(at now: Moment, into step: inout ScrobblerStep) {
        for busName in trackers.keys.sorted() {
            let environment = environment(excluding: busName)
            trackers[busName]?.closeSession(
                at: now,
                reason: "agent shutting down",
                environment: environment,
                into: &step
            )
        }
        closeInheritedSessions(at: now, reason: "agent shutting down", into: &step)
        trackers = [:]
        isShutDown = true
    }
}
