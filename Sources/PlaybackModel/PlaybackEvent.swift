/// One playback event as the scrobbling core creates it and the outbox stores and sends it: which write,
/// and its body. Its identity (`payload.eventID`) and timestamp are fixed at creation, never at send.
public struct PlaybackEvent: Sendable, Hashable, Codable {
    public var action: PlaybackAction
    public var payload: PlaybackPayload
    /// The session's state when the event was made, so a restarted agent can continue the session; stored
    /// with the event, never sent. Nil for events made before it existed.
    public var checkpoint: SessionCheckpoint?

    public init(action: PlaybackAction, payload: PlaybackPayload, checkpoint: SessionCheckpoint? = nil) {
        self.action = action
        self.payload = payload
        self.checkpoint = checkpoint
    }
}
