import PlaybackModel

extension PunchPlayClient: PlaybackWriting {
    /// `POST /playback/{action}` with the payload encoded as §4 says; returns the canonical ids.
    public func send(_ event: PlaybackEvent) async throws(PunchPlayError) -> PlaybackReceipt {
        let body = APIRequestBody.json(encoding: event.payload.clampedForWire)
        let response = try await authorized(.POST, "/playback/\(event.action.rawValue)", body: body)
        return try response.decode(PlaybackReceiptWire.self).receipt
    }
}
