/// Why the core did (or did not) do something — "ignored: duration 95 s below 300 s", "settled: Paused" —
/// for the agent's debug log and for tests, which look at its `kind` instead of parsing text; decisions
/// never leave the machine.
public struct Decision: Sendable, Hashable, CustomStringConvertible {
    /// What sort of decision it is; the log line starts with its label.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Nothing is reported for an item, a player or an observation.
        case ignored
        /// A state held for the settle window and is acted on.
        case settled
        /// A session opens with a `start`.
        case start
        /// A session left open by the last run goes on.
        case `continue`
        /// A session ends with its `stop`.
        case stop
        /// The player jumped to another position.
        case seek
        /// The player reports position 0 all the time, so elapsed time stands in for it.
        case positionStuck = "position stuck at 0"
        /// A player said Stopped while it plays a newly loaded item (mpv after its playlist ended).
        case inferredPlaying = "inferred Playing"
        /// A reloaded configuration changed this player's policy.
        case reconfigured
        /// The machine woke from sleep.
        case wokeUp = "woke up"
        /// The last run left a session open; it is continued if its item still plays.
        case leftOpen = "left open by the last run"
        /// The user paused all reporting: open sessions stop and nothing is reported until it ends.
        case reportingPaused = "reporting paused"
        /// A pause of reporting ended: players that play settle again and get new sessions.
        case reportingResumed = "reporting resumed"
    }

    /// The player the decision is about; nil for decisions about the whole agent.
    public var busName: String?
    public var kind: Kind
    /// The particulars, after the label: which item, which reason.
    public var detail: String

    public init(busName: String?, _ kind: Kind, _ detail: String) {
        self.busName = busName
        self.kind = kind
        self.detail = detail
    }

    /// The decision as one line without the player: "ignored: duration 95 s below 300 s".
    public var message: String { "\(kind.rawValue): \(detail)" }

    public var description: String {
        guard let busName else { return message }
        return "\(busName): \(message)"
    }
}
