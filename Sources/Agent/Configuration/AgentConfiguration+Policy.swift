import MPRIS
import PlaybackModel
import Scrobbling

extension AgentConfiguration {
    /// The scrobbling core's policy for `player`: the built-in per-player default (`PlayerPolicy.defaults`)
    /// overlaid with what the files set. `enabled` left unset keeps the built-in choice (browsers off, video
    /// players on); `send_full_path` comes from `[punchplay]` because it is a privacy choice for the
    /// whole machine.
    public func policy(for player: PlayerInfo) -> PlayerPolicy {
        var policy = overrides(forPlayerName: player.name, identity: player.identity)
            .applied(to: .defaults(for: player))
        policy.sendsFullPath = punchplay.sendFullPath
        return policy
    }
}
