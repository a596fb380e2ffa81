import PlaybackModel

/// The state of one player as the core sees it: what the player last said (raw, unsettled), the position
/// model of its current item, and the open session if any. A value: every input is a mutating call that
/// appends events and decisions to a step.
struct PlayerTracker: Sendable {
    /// A position read or `Seeked` further than this from the model's prediction is a seek.
    static let seekTolerance: Duration = .seconds(2)

    let info: PlayerInfo
    var policy: PlayerPolicy
    /// A policy from a configuration reload, taken when the open session ends.
    var pendingPolicy: PlayerPolicy?
    private(set) var status: PlaybackStatus?
    private(set) var metadata: TrackMetadata
    var position: PositionModel
    /// The item the position model belongs to; survives a transiently empty `Metadata`.
    private var positionKey: String?
    /// Set once the player has shown that its `Position` stays at 0 while playing: reads are ignored.
    var positionStuckAtZero = false
    /// Whether the player ever told a position other than 0; one that never did and reads 0 against the
    /// model's prediction has a `Position` stuck at 0 (Spotify), not a seek to the start.
    var hasToldNonZeroPosition = false
    /// When the raw state last changed; non-nil while a change has not settled yet.
    var unsettledSince: Duration?
    /// A seek happened since the last settle.
    var seekPending = false
    private var lastAdvance: Duration
    var session: PlaybackSession?
    /// The item last refused (ignored or not media), so the refusal is logged once.
    var refusedItemKey: String?
    private(set) var isAsleep: Bool

    init(info: PlayerInfo, properties: PlayerProperties, policy: PlayerPolicy, at now: Duration, asleep: Bool) {
        self.info = info
        self.policy = policy
        status = properties.status
        metadata = properties.metadata ?? TrackMetadata()
        positionKey = metadata.itemKey
        position = PositionModel(
            position: properties.position ?? .zero,
            at: now,
            rate: properties.rate ?? 1,
            isRunning: properties.status == .playing && !asleep
        )
        hasToldNonZeroPosition = (properties.position ?? .zero) > .zero
        lastAdvance = now
        isAsleep = asleep
        unsettledSince = now
    }

    var busName: String { info.busName }

    /// The position of the current raw item, clamped to its length.
    func currentPosition(at now: Duration) -> Duration {
        let predicted = position.position(at: now)
        guard let length = metadata.knownLength else { return predicted }
        return min(predicted, length)
    }

    /// Whether the raw state shows the session's item.
    var showsSessionItem: Bool {
        session != nil && metadata.itemKey == session?.itemKey
    }

    /// Brings the session's position and played time up to `now`; call first on every input.
    mutating func advance(to now: Duration) {
        defer { lastAdvance = now }
        guard !isAsleep, showsSessionItem, var current = session else { return }
        if status == .playing, now > lastAdvance {
            current.playedTime += (now - lastAdvance) * position.rate
        }
        current.position = currentPosition(at: now)
        if let length = metadata.knownLength { current.duration = length }
        session = current
    }

    /// Applies a partial (or, on re-appearance, full) property change.
    mutating func apply(_ change: PlayerProperties, at now: Duration, into step: inout ScrobblerStep) {
        advance(to: now)
        let wasRunning = position.isRunning
        var newItem = false
        var leavesStop = false
        if let newMetadata = change.metadata, newMetadata != metadata {
            newItem = applyMetadata(newMetadata, change: change, at: now, into: &step)
        }
        if let newStatus = change.status, newStatus != status {
            leavesStop = status == .stopped
            status = newStatus
            position.setRunning(newStatus == .playing && !isAsleep, at: now)
            markUnsettled(at: now)
        }
        if let rate = change.rate, rate != position.rate {
            position.setRate(rate, at: now)
        }
        if newItem {
            if let read = change.position { position.reanchor(to: read, at: now) }
        } else if leavesStop {
            // Playing again after Stop starts over (at 0 unless told otherwise): a jump like a seek, so an
            // unsettled Stop of the session's item keeps the position reached before it.
            let restart = change.position ?? .zero
            noteJump(to: restart, predicted: currentPosition(at: now), at: now, into: &step)
            position.reanchor(to: restart, at: now)
        } else if let read = change.position {
            applyPositionRead(read, wasRunning: wasRunning, at: now, into: &step)
        }
    }

    /// Returns whether the item changed (a new position model was started).
    private mutating func applyMetadata(
        _ newMetadata: TrackMetadata,
        change: PlayerProperties,
        at now: Duration,
        into step: inout ScrobblerStep
    ) -> Bool {
        metadata = newMetadata
        markUnsettled(at: now)
        guard let key = newMetadata.itemKey, key != positionKey else { return false }
        positionKey = key
        position.reanchor(to: .zero, at: now)
        distrustUnsettledSeek()
        if status == .stopped && change.status == nil {
            status = .playing
            position.setRunning(!isAsleep, at: now)
            step.decisions.append(
                Decision(busName: busName, .inferredPlaying, "a new item was loaded while the status says Stopped")
            )
        }
        return true
    }

    mutating func markUnsettled(at now: Duration) {
        unsettledSince = now
    }

    /// The machine goes to sleep: the player's clock stops with it.
    mutating func sleep(at now: Duration) {
        advance(to: now)
        position.setRunning(false, at: now)
        isAsleep = true
    }

    /// The machine woke up: extrapolation resumes from where it stopped, and the state must settle again.
    mutating func wake(at now: Duration) {
        isAsleep = false
        lastAdvance = now
        position.setRunning(status == .playing, at: now)
        markUnsettled(at: now)
    }
}
