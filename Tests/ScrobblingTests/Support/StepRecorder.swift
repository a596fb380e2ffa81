import PlaybackModel
import Scrobbling
import Testing

/// Collects what a `ScrobblingService` hands to its sink, for reading once `run()` has returned.
actor StepRecorder {
    private(set) var steps: [ScrobblerStep] = []

    func record(_ step: ScrobblerStep) {
        steps.append(step)
    }

    /// Returns once a decision with `message` has been recorded (the service handled the input that
    /// produced it), or records an issue after giving the service many turns to get there.
    func waitForDecision(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) async {
        for _ in 0..<10_000 {
            if decisions.contains(where: { $0.message == message }) { return }
            await Task.yield()
        }
        Issue.record("no decision \"\(message)\" was recorded", sourceLocation: sourceLocation)
    }

    var events: [PlaybackEvent] { steps.flatMap(\.events) }
    var decisions: [Decision] { steps.flatMap(\.decisions) }
}
