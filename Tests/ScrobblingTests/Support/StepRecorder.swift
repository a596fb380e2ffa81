import PunchPlay
import Scrobbling

/// Collects what a `ScrobblingService` hands to its sink, for reading once `run()` has returned.
actor StepRecorder {
    private(set) var steps: [ScrobblerStep] = []

    func record(_ step: ScrobblerStep) {
        steps.append(step)
    }

    var events: [PlaybackEvent] { steps.flatMap(\.events) }
    var decisions: [Decision] { steps.flatMap(\.decisions) }
}
