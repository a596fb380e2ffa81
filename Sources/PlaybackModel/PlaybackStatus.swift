/// The three playback states the MPRIS specification allows; anything else a player sends (smplayer's
/// `"Unknown"` during seeks) is not a status and is dropped by the decoder.
public enum PlaybackStatus: String, Sendable, Hashable, Codable {
    case playing = "Playing"
    case paused = "Paused"
    case stopped = "Stopped"
}
