/// The user's pause of all reporting: it stops every open session at once, keeps the trackers following
/// their players without acting on what they see, and on its end lets players settle again into new sessions,
/// as after wake.
extension Scrobbler {
    /// Whether reporting is paused by the user.
    var isReportingPaused: Bool { reportingPause != nil }

    mutating func pauseReporting(until end: Int64?, at now: Moment, into step: inout ScrobblerStep) {
        var pause = ReportingPause(untilWallClockMillis: end)
        if pause.hasEnded(at: now) {
            guard isReportingPaused else {
                step.decisions.append(Decision(busName: nil, .ignored, "a pause of reporting that has ended already"))
                return
            }
            return resumeReporting(at: now, reason: "the new end has passed already", into: &step)
        }
        let wasPaused = isReportingPaused
        pause.scheduleCheck(from: now)
        reportingPause = pause
        let detail = pause.remaining(at: now).map { "for \($0.wholeSeconds) s" } ?? "until resumed"
        step.decisions.append(Decision(busName: nil, .reportingPaused, wasPaused ? "now \(detail)" : detail))
        guard !wasPaused else { return }
        closeInheritedSessions(at: now, reason: "reporting paused", into: &step)
        for busName in trackers.keys.sorted() {
            let environment = environment(excluding: busName)
            trackers[busName]?.closeSession(at: now, reason: "reporting paused", environment: environment, into: &step)
        }
    }

    mutating func resumeReporting(at now: Moment, reason: String, into step: inout ScrobblerStep) {
        guard isReportingPaused else {
            step.decisions.append(Decision(busName: nil, .ignored, "reporting is not paused"))
            return
        }
        reportingPause = nil
        step.decisions.append(Decision(busName: nil, .reportingResumed, "\(reason); players settle again"))
        for busName in trackers.keys.sorted() {
            trackers[busName]?.markUnsettled(at: now.uptime)
        }
    }

    /// Ends a timed pause whose end the wall clock has reached; called first on every input, because after a
    /// suspend the uptime axis of the deadline lags the wall clock.
    mutating func endReportingPauseIfDue(at now: Moment, into step: inout ScrobblerStep) {
        guard let reportingPause, reportingPause.hasEnded(at: now) else { return }
        resumeReporting(at: now, reason: "the pause ended", into: &step)
    }

    /// Derives the next look at the wall clock from `now`; called last on every input.
    mutating func scheduleReportingPauseCheck(at now: Moment) {
        reportingPause?.scheduleCheck(from: now)
    }
}
