import PlaybackModel

/// Everything that can happen to the scrobbling core besides time passing.
public enum ScrobblerInput: Sendable, Hashable {
    /// Something happened to a player on the bus.
    case observation(PlayerObservation)
    /// A deadline the core asked for has been reached.
    case deadline
    /// The machine is about to sleep (logind `PrepareForSleep(true)`): open sessions stop now.
    case sleep
    /// The machine woke up (logind `PrepareForSleep(false)`): playback that goes on gets a new session.
    case wake
    /// Sessions the last run of the agent left open, handed over once at start-up, before any observation.
    case inherit([InheritedSession])
    /// The agent is shutting down: open sessions stop now and nothing else is reported.
    case shutdown
    /// The user asked for privacy: open sessions stop now and nothing is reported until the wall clock
    /// reaches `untilWallClockMillis` (milliseconds since 1970) or, when it is nil, until `resumeReporting`.
    /// Pausing again while paused replaces the end.
    case pauseReporting(untilWallClockMillis: Int64?)
    /// Ends a pause of reporting before its time: players that play get new sessions.
    case resumeReporting
}
