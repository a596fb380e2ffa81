/// Where one identified field came from, so a wrong guess can be traced to the name, a folder, a sidecar or
/// the player (shown by `punchplay-mpris identify`).
public enum FieldSource: String, Sendable, Hashable, Codable {
    /// The file name of the URL or path.
    case name
    /// A folder above the file (`Show (2005)/Season 2/`, `{tmdb-550}`).
    case folder
    /// A Kodi/Jellyfin `.nfo` sidecar next to the file or in its show folder.
    case nfo
    /// The player's `xesam:title` (all of it when the player gave no URL, as for a bare name given to `identify`).
    case player
    /// The player's `mpris:length`, which decided between a clip, an episode and a movie.
    case length
}
