/// The live view of what is being reported, computed from the core's state.
extension Scrobbler {
    /// Every player the core knows, followed or switched off, and whether reporting is paused. Changes only
    /// when an input or a reload changed something, never by time passing alone.
    public var activity: ReportingActivity {
        let followed = trackers.map { busName, tracker in
            tracker.activity(environment: environment(excluding: busName), reportingPaused: isReportingPaused)
        }
        let switchedOff = disabledPlayers.values.map { info in
            PlayerActivity(
                busName: info.busName,
                playerName: info.name,
                identity: info.identity,
                state: .notReported(reason: Self.switchedOffReason(info))
            )
        }
        return ReportingActivity(
            pausedUntilWallClockMillis: reportingPause?.untilWallClockMillis,
            isPaused: isReportingPaused,
            players: (followed + switchedOff).sorted { $0.busName < $1.busName }
        )
    }
}
