/// What the watcher hands one player's session at a time: the inputs of one read of the bus (or one change of
/// owner), in order, with when they were read on the scrobbling service's uptime axis (nil when the watcher
/// keeps no time). The session stamps what it observes from them with that time.
struct PlayerSessionBatch: Sendable {
    var inputs: [PlayerSessionInput]
    var arrivedAt: Duration?
}
