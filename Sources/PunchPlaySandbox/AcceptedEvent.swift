import Foundation

/// A playback event the sandbox accepted (2xx, not a dedupe repeat), in arrival order, with what it did.
public struct AcceptedEvent: Codable, Sendable, Equatable {
    /// `start`, `pause`, `resume`, `progress` or `stop`.
    public var action: String
    /// `playback_session_id`.
    public var sessionID: String
    /// `event_id`.
    public var eventID: String
    /// `event_created_at` in milliseconds.
    public var eventCreatedAt: Int64
    /// The owner of the token that sent it.
    public var userID: String
    /// Why it changed nothing (`session_stopped`, `stale_event`, `session_already_started`), or `nil` when
    /// it was applied.
    public var ignoredReason: String?
    /// The request body as sent.
    public var body: String
    /// When it arrived (the sandbox clock).
    public var receivedAt: Date
}
