import MPRIS
import PlaybackModel

/// Accessors that let tests pick an observation apart in one expression.
extension PlayerObservation {
    /// The player and its state, for `.appeared`.
    public var appeared: (info: PlayerInfo, properties: PlayerProperties)? {
        if case .appeared(let info, let properties) = self { (info, properties) } else { nil }
    }

    /// The changed properties, for `.changed`.
    public var changes: PlayerProperties? {
        if case .changed(_, let properties) = self { properties } else { nil }
    }

    /// The new position, for `.seeked`.
    public var seekedPosition: Duration? {
        if case .seeked(_, let position) = self { position } else { nil }
    }

    /// True for `.vanished`.
    public var isVanished: Bool {
        if case .vanished = self { true } else { false }
    }
}
