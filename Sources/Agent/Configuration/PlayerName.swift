/// The name a player goes by in the configuration (`[players.NAME]`, `players.d/NAME.toml`): compared
/// case-insensitively, and a full MPRIS bus name is reduced to its player part.
public enum PlayerName {
    private static let busNamePrefix = "org.mpris.mediaplayer2."

    /// `org.mpris.MediaPlayer2.vlc.instance42` → `vlc`; `VLC media player` → `vlc media player`.
    public static func normalized(_ name: String) -> String {
        let lowered = name.lowercased()
        guard lowered.hasPrefix(busNamePrefix) else { return lowered }
        let rest = lowered.dropFirst(busNamePrefix.count)
        return String(rest.split(separator: ".", maxSplits: 1).first ?? rest)
    }
}
