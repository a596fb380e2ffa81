import PlaybackModel

/// What sort of program a player is, guessed from its name: decides whether it is reported by default.
public enum PlayerKind: String, Sendable, Hashable {
    case videoPlayer = "a video player"
    case browser = "a browser"
    case musicPlayer = "a music player"
    case mirror = "a mirror of another player"
    case unknown = "not a known video player"

    /// Classifies by the configuration name and the desktop entry, comparing each dotted component
    /// case-insensitively so that `io.github.celluloid_player.Celluloid` is `celluloid` and
    /// `kdeconnect.mpris_000001` is `kdeconnect`.
    public init(_ info: PlayerInfo) {
        if info.isMirror {
            self = .mirror
            return
        }
        let components = [info.name, info.desktopEntry].compactMap { $0 }.flatMap(Self.components)
        self = .unknown
        for (kind, known) in Self.knownNames where components.contains(where: known.contains) {
            self = kind
            return
        }
    }

    private static func components(_ name: String) -> [String] {
        name.lowercased().split(separator: ".").map(String.init)
    }

    private static let knownNames: [(PlayerKind, Set<String>)] = [
        (.mirror, ["playerctld", "kdeconnect"]),
        (
            .videoPlayer,
            [
                "mpv", "vlc", "celluloid", "totem", "haruna", "smplayer", "kodi", "mplayer", "dragonplayer",
                "parole", "xplayer", "qmplay2", "mpc-qt", "clapper", "showtime", "jellyfinmediaplayer",
                "plexmediaplayer", "smtube", "gnome-mpv", "baka-mplayer", "deepin-movie",
            ]
        ),
        (
            .browser,
            [
                "firefox", "chromium", "chrome", "google-chrome", "brave", "vivaldi", "opera", "edge",
                "microsoft-edge", "epiphany", "plasma-browser-integration", "librewolf", "falkon",
            ]
        ),
        (
            .musicPlayer,
            [
                "spotify", "rhythmbox", "audacious", "mpd", "clementine", "strawberry", "lollypop",
                "elisa", "amarok", "quodlibet", "cmus", "deadbeef", "tauon", "amberol", "gnome-music",
                "spot", "ncspot", "shortwave",
            ]
        ),
    ]
}
