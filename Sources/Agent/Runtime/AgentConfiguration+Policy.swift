import MPRIS
import PlaybackModel
import Scrobbling

extension AgentConfiguration {
    /// The scrobbling core's policy for `player`: the built-in per-player default (`PlayerPolicy.defaults`)
    /// overlaid with what the files say. `enabled` left unset keeps the built-in choice (browsers off, video
    /// players on); `send_full_path` comes from `[punchplay]` because it is a privacy choice for the
    /// whole machine.
    public func policy(for player: PlayerInfo) -> PlayerPolicy {
        let settings = settings(for: player)
        var policy = PlayerPolicy.defaults(for: player)
        if let enabled = settings.enabled { policy.isEnabled = enabled }
        policy.settleWindow = settings.settle
        policy.progressInterval = settings.progressInterval
        policy.watchedThreshold = settings.watchedThreshold
        policy.minimumDuration = settings.minDuration
        policy.mediaTypeOverride = settings.mediaType
        policy.ignoredTitles = settings.ignoreTitles
        policy.ignoredURLs = settings.ignoreURLs
        policy.sendsFilename = settings.sendFilename
        policy.sendsFullPath = punchplay.sendFullPath
        return policy
    }
}
