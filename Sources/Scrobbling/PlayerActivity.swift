import MediaIdentity
import PlaybackModel

/// One player as the live view of reporting shows it (the agent's `Playing` property, the tray): who it is,
/// what it plays as identified, where it was last seen, and whether and how it is reported. Changes only when
/// something happened — an observation, a settle, a pause — never by time passing alone, so it can be pushed
/// to watchers on change.
public struct PlayerActivity: Sendable, Hashable {
    /// Whether the player's playback reaches PunchPlay, and if not, why.
    public enum State: Sendable, Hashable {
        /// A session is open: its events are reported.
        case reporting
        /// A change has not held for the settle window yet; what it becomes is decided then.
        case settling
        /// Nothing is reported for what the player shows, for the reason given ("not playing", "duration 95 s
        /// below 300 s", "already reported through org.mpris.MediaPlayer2.vlc").
        case notReported(reason: String)
        /// The user paused all reporting.
        case reportingPaused
    }

    /// The well-known bus name; unique among the players.
    public var busName: String
    /// The configuration name (`vlc`, `firefox`).
    public var playerName: String
    /// The player's own name for itself ("VLC media player"), when it has one.
    public var identity: String?
    /// What the player last said about playing; nil when it never said or is not followed (switched off).
    public var status: PlaybackStatus?
    /// The movie or show title as identified; nil when the item is not identified as a movie or episode.
    public var title: String?
    public var mediaType: MediaType?
    public var season: Int?
    public var episode: Int?
    /// The position last told by the player or last re-anchored on a change, in whole seconds — not
    /// extrapolated; nil for a player that is not followed.
    public var positionSeconds: Int?
    /// The item's length as the player tells it, in whole seconds; nil when it does not.
    public var lengthSeconds: Int?
    /// The `playback_session_id` of the open session.
    public var sessionID: String?
    public var state: State

    public init(
        busName: String,
        playerName: String,
        identity: String? = nil,
        status: PlaybackStatus? = nil,
        title: String? = nil,
        mediaType: MediaType? = nil,
        season: Int? = nil,
        episode: Int? = nil,
        positionSeconds: Int? = nil,
        lengthSeconds: Int? = nil,
        sessionID: String? = nil,
        state: State
    ) {
        self.busName = busName
        self.playerName = playerName
        self.identity = identity
        self.status = status
        self.title = title
        self.mediaType = mediaType
        self.season = season
        self.episode = episode
        self.positionSeconds = positionSeconds
        self.lengthSeconds = lengthSeconds
        self.sessionID = sessionID
        self.state = state
    }
}
