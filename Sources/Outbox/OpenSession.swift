import PunchPlay

/// A playback session the agent opened (`start` queued) and has not closed (`stop` queued). At start-up
/// the agent continues each one whose item is still playing and closes the rest with
/// `OutboxStore.closeAbandonedSession(_:)`, so no session is ever left open on the service.
public struct OpenSession: Sendable, Hashable {
    public var sessionID: String
    /// The last event queued for it: its identity fields, last known position and `event_created_at`.
    public var lastEvent: PlaybackEvent
}
