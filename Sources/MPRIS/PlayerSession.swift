import DBus
import PlaybackModel

/// Observes one player name: reads its state when it gets an owner, turns its signals into observations and
/// makes the reads that complete a change (`Position` after a status or track change, `PlaybackStatus` after a
/// track change that came without it). Everything for one name happens in order in one session, so a player
/// that answers slowly or not at all delays only its own observations. Each observation carries when the input
/// behind it came off the bus, so the reads that complete it do not count as time the player's state held.
struct PlayerSession: Sendable {
    let id: Int
    let busName: MPRISBusName
    let reader: PlayerReader
    /// The session's inputs, in batches (a read's worth of one player's signals, or one change of owner).
    let inputs: AsyncStream<PlayerSessionBatch>
    let output: AsyncStream<StampedObservation>.Continuation
    /// The previous session of the same name, still draining: this one starts after it finished, so its
    /// `appeared` cannot overtake the other's `vanished`.
    let predecessor: AsyncStream<Never>?
    /// Finished when this session has processed its last input.
    let finished: AsyncStream<Never>.Continuation

    /// The state of the name while the session runs.
    private struct State {
        var owner: String?
        var snapshot = PlayerProperties()
        /// When the batch being handled came off the bus.
        var arrivedAt: Duration?
    }

    /// Waits for its predecessor, then processes inputs until the watcher finishes them. The inputs are moved
    /// into a mailbox as they come, so a flood is folded there while this session waits on the player's answers.
    func run() async {
        defer { finished.finish() }
        if let predecessor { for await _ in predecessor {} }
        let mailbox = PlayerSessionMailbox()
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await batch in inputs { await mailbox.post(batch.inputs, arrivedAt: batch.arrivedAt) }
                await mailbox.close()
            }
            var state = State()
            while case let batch = await mailbox.takeBatch(), !batch.inputs.isEmpty {
                state.arrivedAt = batch.arrivedAt
                for input in batch.inputs { await handle(input, state: &state) }
            }
        }
    }

    private func handle(_ input: PlayerSessionInput, state: inout State) async {
        switch input {
        case .owned(let newOwner):
            if state.owner != nil { emit(.vanished(busName: busName.rawValue), state) }
            state.owner = newOwner
            async let info = reader.info(of: busName, owner: newOwner)
            var snapshot = await reader.properties(of: newOwner)
            emit(.appeared(await info, snapshot), state)
            snapshot.position = nil
            state.snapshot = snapshot
        case .released:
            guard state.owner != nil else { return }
            state.owner = nil
            emit(.vanished(busName: busName.rawValue), state)
        case .propertiesChanged(let values, let invalidated):
            guard let owner = state.owner else { return }
            var incoming = PlayerProperties(decoding: values)
            if invalidated.contains("PlaybackStatus") { incoming.status = await reader.status(of: owner) }
            if invalidated.contains("Metadata") {
                incoming.metadata = await reader.property("Metadata", of: owner).flatMap(TrackMetadata.init(decoding:))
            }
            await apply(incoming, statusWasSent: incoming.status != nil, owner: owner, state: &state)
        case .undecodableChange:
            guard let owner = state.owner else { return }
            await apply(await reader.properties(of: owner), statusWasSent: true, owner: owner, state: &state)
        case .seeked(let argument):
            guard state.owner != nil, let position = argument?.microseconds else { return }
            emit(.seeked(busName: busName.rawValue, position: position), state)
        }
    }

    /// Merges a change into the snapshot and emits what really changed, completed with the reads the core
    /// needs: the status after a track change that came without one, and the position after any status or
    /// track change.
    private func apply(_ incoming: PlayerProperties, statusWasSent: Bool, owner: String, state: inout State) async {
        var changes = state.snapshot.merge(incoming)
        if changes.metadata != nil, !statusWasSent, let status = await reader.status(of: owner) {
            changes.status = state.snapshot.merge(PlayerProperties(status: status)).status
        }
        if changes.status != nil || changes.metadata != nil {
            changes.position = await reader.position(of: owner)
        }
        guard !changes.isEmpty else { return }
        emit(.changed(busName: busName.rawValue, changes), state)
    }

    private func emit(_ observation: PlayerObservation, _ state: State) {
        output.yield(StampedObservation(observation, arrivedAt: state.arrivedAt))
    }
}
