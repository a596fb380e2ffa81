import MediaIdentity

/// What a tracker needs from outside to open sessions, passed in by the coordinator at each step so the
/// tracker itself stays a plain value.
struct TrackerEnvironment: Sendable {
    var identify: @Sendable (MediaHints) -> IdentificationResult
    var makeID: @Sendable () -> String
    var context: ScrobblingContext
    /// Content already reported by another player (`PlaybackSession.contentKey` → its bus name).
    var contentElsewhere: [String: String]
    /// Sessions the last run left open and no player has taken over (`PlaybackSession.contentKey` → it).
    var inherited: [String: InheritedSession] = [:]
}
