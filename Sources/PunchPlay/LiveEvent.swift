/// What the live-events stream reports (§5): the stream is an invalidation signal, so every `ready` (also
/// after a reconnect, when messages may have been missed) and every `playbackUpdate` means "re-fetch
/// now-playing".
public enum LiveEvent: Sendable, Hashable {
    /// The stream is (re)connected; `connectedAt` as the service sent it (ISO-8601).
    case ready(connectedAt: String?)
    /// The user's playback state changed.
    case playbackUpdate(sequence: Int?, emittedAt: String?)
    /// The stream dropped; it reconnects after `retryIn`.
    case disconnected(reason: String, retryIn: Duration)
}
