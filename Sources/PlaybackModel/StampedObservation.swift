/// A `PlayerObservation` with the moment its cause came off the bus, on the scrobbling service's uptime axis,
/// so the core can settle a change from when the player made it rather than from when the agent had finished
/// the reads that complete it (the `Position` read after a status change is a round trip to the player).
public struct StampedObservation: Sendable, Hashable {
    public var observation: PlayerObservation
    /// When the signal (or change of owner) behind the observation was read off the bus; nil when the producer
    /// keeps no time, and the observation counts from when it is handled.
    public var arrivedAt: Duration?

    public init(_ observation: PlayerObservation, arrivedAt: Duration?) {
        self.observation = observation
        self.arrivedAt = arrivedAt
    }
}
