/// One thing that happened to one player, in the order it happened: the only output of the MPRIS stage and
/// the only input the scrobbling core gets from the bus.
public enum PlayerObservation: Sendable, Hashable {
    /// A player appeared (or was found at start-up) with its full current state.
    case appeared(PlayerInfo, PlayerProperties)
    /// Some properties changed; only the changed fields (plus a fresh `position`, when read) are set.
    case changed(busName: String, PlayerProperties)
    /// The player jumped to a new absolute position (`Seeked`).
    case seeked(busName: String, position: Duration)
    /// The player left the bus: it quit, crashed or lost its name.
    case vanished(busName: String)

    /// The well-known bus name of the player this observation is about.
    public var busName: String {
        switch self {
        case .appeared(let info, _): info.busName
        case .changed(let busName, _), .seeked(let busName, _), .vanished(let busName): busName
        }
    }
}
