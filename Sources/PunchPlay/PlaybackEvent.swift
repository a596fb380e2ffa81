/// One playback event as the scrobbling core creates it and the outbox stores and sends it: which write,
/// and its body. Its identity (`payload.eventID`) and timestamp are fixed at creation, never at send.
public struct PlaybackEvent: Sendable, Hashable, Codable {
    public var action: PlaybackAction
    public var payload: PlaybackPayload

    public init(action: PlaybackAction, payload: PlaybackPayload) {
        self.action = action
        self.payload = payload
    }
}
