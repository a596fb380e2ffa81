/// The watcher's side of a running `PlayerSession`: where to send its inputs and how to know it has finished,
/// so a name that reappears quickly gets a new session only after the old one has said `vanished`.
struct PlayerSessionHandle: Sendable {
    /// Tells handles of the same name apart once one of them is draining.
    let id: Int
    let inputs: AsyncStream<PlayerSessionBatch>.Continuation
    /// Finishes (it never yields) when the session has processed its last input.
    let finished: AsyncStream<Never>
}
