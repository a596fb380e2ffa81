/// The one thing the outbox needs from the API client: send a playback write and get the receipt or a
/// classified failure. The real client implements it; the outbox depends only on this.
public protocol PlaybackWriting: Sendable {
    /// Sends `event` once. Token refresh on 401 happens inside; what is thrown is already classified.
    func send(_ event: PlaybackEvent) async throws(PunchPlayError) -> PlaybackReceipt
}
