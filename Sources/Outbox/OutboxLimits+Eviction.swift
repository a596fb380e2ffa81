import PlaybackModel

extension OutboxLimits {
    /// The order the size cap evicts in: lowest rank first, oldest first within a rank (the store's
    /// `eviction_rank` column holds it and must match the schema's CHECK).
    static func evictionRank(_ action: PlaybackAction) -> Int {
        switch action {
        case .progress: 0
        case .pause, .resume: 1
        case .start: 2
        case .stop: 3
        }
    }

    /// `events` (oldest first) within the size cap, evicted in the store's order, the rest kept in order:
    /// the cap of events held in memory while the disk refuses them.
    func keepingWithinSize(_ events: [PlaybackEvent]) -> [PlaybackEvent] {
        let excess = events.count - maximumEvents
        guard excess > 0 else { return events }
        let evicted = Set(
            events.indices.sorted {
                (Self.evictionRank(events[$0].action), $0) < (Self.evictionRank(events[$1].action), $1)
            }
            .prefix(excess)
        )
        return events.indices.filter { !evicted.contains($0) }.map { events[$0] }
    }
}
