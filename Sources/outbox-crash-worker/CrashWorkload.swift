import PlaybackModel
import PunchPlay

/// The deterministic traffic of the crash-safety loop: `sessions` playbacks interleaved round-robin, each
/// `start`, then `progress`/`pause`/`resume`/`progress` repeated, then `stop`. Event `i` of the plan is
/// created at `base + i` milliseconds, so every session's timestamps strictly increase.
struct CrashWorkload {
    let sessions: Int
    let eventsPerSession: Int
    let base: Int64

    var count: Int { sessions * eventsPerSession }

    func event(at index: Int) -> PlaybackEvent {
        let session = index % sessions
        let step = index / sessions
        let action: PlaybackAction
        if step == 0 {
            action = .start
        } else if step == eventsPerSession - 1 {
            action = .stop
        } else {
            action = [.progress, .pause, .resume, .progress][(step - 1) % 4]
        }
        var payload = PlaybackPayload(
            mediaType: "movie",
            title: "Crash Loop \(session)",
            playbackSessionID: "crash-session-\(session)",
            eventID: "crash-\(session)-\(step)",
            eventCreatedAt: base + Int64(index)
        )
        payload.positionSeconds = step * 15
        payload.durationSeconds = 7200
        return PlaybackEvent(action: action, payload: payload)
    }
}
