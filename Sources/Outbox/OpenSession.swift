import PlaybackModel

/// A playback session the agent opened (`start` queued) and has not closed (`stop` queued). At start-up
/// the agent hands these to the scrobbling core, which continues each one whose item is still playing and
/// closes the rest with a `stop`, so no session is ever left open on the service.
public struct OpenSession: Sendable, Hashable {
    public var sessionID: String
    /// The last event queued for it: its identity fields, last known position, `event_created_at` and the
    /// checkpoint (played time, watched threshold) the core continues from.
    public var lastEvent: PlaybackEvent
}
