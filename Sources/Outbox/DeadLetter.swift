import PlaybackModel

/// An event the service refused for good (400, 403, 404, 409, 422, or an event the outbox could not read
/// back): kept with the service's answer so the user can inspect it and send it again with `queue retry`.
public struct DeadLetter: Sendable, Hashable, Codable {
    public var sequence: Int64
    public var event: PlaybackEvent?
    public var eventID: String
    public var sessionID: String
    public var action: String
    public var attempts: Int
    public var status: Int?
    public var errorCode: String?
    public var message: String
    public var requestID: String?
    /// Milliseconds since 1970.
    public var failedAt: Int64

    enum CodingKeys: String, CodingKey {
        case sequence
        case event
        case eventID = "event_id"
        case sessionID = "playback_session_id"
        case action
        case attempts
        case status
        case errorCode = "error"
        case message
        case requestID = "request_id"
        case failedAt = "failed_at_ms"
    }
}
