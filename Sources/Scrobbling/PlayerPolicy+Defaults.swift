import PlaybackModel

extension PlayerPolicy {
    /// The policy for a player the user did not configure: known video players are reported; browsers,
    /// music players, unknown players and mirrors (which would double-count) are not.
    public static func defaults(for info: PlayerInfo) -> PlayerPolicy {
        PlayerPolicy(isEnabled: PlayerKind(info) == .videoPlayer)
    }
}
