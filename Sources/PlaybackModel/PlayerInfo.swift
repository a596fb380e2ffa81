/// Who a player is: its bus names and the stable name the configuration uses for it.
public struct PlayerInfo: Sendable, Hashable {
    /// The well-known bus name, e.g. `org.mpris.MediaPlayer2.vlc.instance1234`; unique per running player.
    public var busName: String
    /// The unique connection name (`:1.42`) that the player's signals come from.
    public var uniqueName: String
    /// The stable name for configuration: the bus name without `org.mpris.MediaPlayer2.` and without an
    /// instance suffix (`vlc`, `firefox`).
    public var name: String
    /// The root interface's `Identity` ("VLC media player"), when the player has one.
    public var identity: String?
    /// The root interface's `DesktopEntry` ("vlc"), when the player has one.
    public var desktopEntry: String?
    /// True for players that re-export another player (`playerctld`, KDE Connect): counting them would
    /// report the same playback twice.
    public var isMirror: Bool

    public init(
        busName: String,
        uniqueName: String,
        name: String,
        identity: String? = nil,
        desktopEntry: String? = nil,
        isMirror: Bool = false
    ) {
        self.busName = busName
        self.uniqueName = uniqueName
        self.name = name
        self.identity = identity
        self.desktopEntry = desktopEntry
        self.isMirror = isMirror
    }
}
