import PlaybackModel

extension PlayerTracker {
    /// A `Position` read: re-anchors, and reveals seeks of players that never send `Seeked`.
    mutating func applyPositionRead(
        _ read: Duration,
        wasRunning: Bool,
        at now: Duration,
        into step: inout ScrobblerStep
    ) {
        guard status != .stopped, !positionStuckAtZero else { return }
        let predicted = currentPosition(at: now)
        if read == .zero && wasRunning && predicted > Self.seekTolerance && !hasToldNonZeroPosition {
            positionStuckAtZero = true
            step.decisions.append(
                Decision(busName: busName, .positionStuck, "using elapsed time instead of Position")
            )
            return
        }
        hasToldNonZeroPosition = hasToldNonZeroPosition || read > .zero
        noteJump(to: read, predicted: predicted, at: now, into: &step)
        position.reanchor(to: read, at: now)
    }

    /// A `Seeked` signal: always re-anchors; a seek only when it moves further than the prediction allows
    /// (VLC sends a second, confirming `Seeked` and a spurious one on resume).
    mutating func seeked(to target: Duration, at now: Duration, into step: inout ScrobblerStep) {
        advance(to: now)
        noteJump(to: target, predicted: currentPosition(at: now), at: now, into: &step)
        position.reanchor(to: target, at: now)
        hasToldNonZeroPosition = hasToldNonZeroPosition || target > .zero
    }

    /// Notes a seek when `target` is further from the prediction than elapsed time allows.
    mutating func noteJump(
        to target: Duration,
        predicted: Duration,
        at now: Duration,
        into step: inout ScrobblerStep
    ) {
        let distance = target > predicted ? target - predicted : predicted - target
        guard distance > Self.seekTolerance else { return }
        if !seekPending, showsSessionItem, var current = session {
            current.positionBeforeSeek = current.position
            session = current
        }
        seekPending = true
        markUnsettled(at: now)
        step.decisions.append(
            Decision(busName: busName, .seek, "expected \(predicted.wholeSeconds) s, now at \(target.wholeSeconds) s")
        )
    }

    /// Forgets a seek that did not settle before the session's item went away, putting the session back
    /// where it was before the jump.
    mutating func distrustUnsettledSeek() {
        if seekPending, var current = session, let before = current.positionBeforeSeek {
            current.position = before
            current.positionBeforeSeek = nil
            session = current
        }
        seekPending = false
    }
}
