import MPRIS
import PlaybackModel

/// One line of `punchplay-mpris players` output: a player or an observation flattened into the fields a
/// person debugging their setup wants to see, with stable snake_case JSON names for scripts.
public struct PlayerRecord: Sendable, Hashable, Encodable {
    /// `player` in a listing; `appeared`, `changed`, `seeked` or `vanished` in `--watch`.
    public var event: String
    public var busName: String
    public var name: String?
    public var uniqueName: String?
    public var identity: String?
    public var desktopEntry: String?
    public var isMirror: Bool?
    public var status: String?
    public var title: String?
    public var url: String?
    public var trackID: String?
    public var artists: [String]?
    public var album: String?
    /// Track length in seconds.
    public var length: Double?
    /// Position in seconds, as read from the player (or carried by `Seeked`).
    public var position: Double?
    public var rate: Double?
    public var canSeek: Bool?

    enum CodingKeys: String, CodingKey {
        case event
        case busName = "bus_name"
        case name
        case uniqueName = "unique_name"
        case identity
        case desktopEntry = "desktop_entry"
        case isMirror = "is_mirror"
        case status, title, url
        case trackID = "track_id"
        case artists, album, length, position, rate
        case canSeek = "can_seek"
    }

    /// A row of the one-shot listing.
    public init(_ snapshot: PlayerSnapshot) {
        self.init(event: "player", busName: snapshot.info.busName)
        set(snapshot.info)
        set(snapshot.properties)
    }

    /// A line of `--watch`.
    public init(_ observation: PlayerObservation) {
        switch observation {
        case .appeared(let info, let properties):
            self.init(event: "appeared", busName: info.busName)
            set(info)
            set(properties)
        case .changed(let busName, let properties):
            self.init(event: "changed", busName: busName)
            set(properties)
        case .seeked(let busName, let position):
            self.init(event: "seeked", busName: busName)
            self.position = position.seconds
        case .vanished(let busName):
            self.init(event: "vanished", busName: busName)
        }
    }

    private init(event: String, busName: String) {
        self.event = event
        self.busName = busName
    }

    private mutating func set(_ info: PlayerInfo) {
        name = info.name
        uniqueName = info.uniqueName
        identity = info.identity
        desktopEntry = info.desktopEntry
        isMirror = info.isMirror
    }

    private mutating func set(_ properties: PlayerProperties) {
        status = properties.status?.rawValue
        if let metadata = properties.metadata {
            title = metadata.title
            url = metadata.url
            trackID = metadata.trackID
            artists = metadata.artists.isEmpty ? nil : metadata.artists
            album = metadata.album
            length = metadata.length?.seconds
        }
        position = properties.position?.seconds
        rate = properties.rate
        canSeek = properties.canSeek
    }
}
