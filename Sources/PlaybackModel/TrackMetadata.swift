/// What a player says about the current track, after tolerant decoding of `Metadata`: every field is optional
/// because real players omit, rename and mistype them (see `shared/mpris-players.md`).
public struct TrackMetadata: Sendable, Hashable, Codable {
    /// `mpris:trackid`, as a path or a string; players reuse it for different files, so it never identifies media alone.
    public var trackID: String?
    /// `xesam:title`: an embedded title or just the file name.
    public var title: String?
    /// `xesam:url`: a URI, or a bare path from players that send one.
    public var url: String?
    /// `mpris:length`; nil when absent, negative or absurd.
    public var length: Duration?
    /// `xesam:artist`, a string or an array on the wire.
    public var artists: [String]
    /// `xesam:album`.
    public var album: String?
    /// The `.nfo` sidecars next to a local file, attached by the agent when the URL changes (never from the bus).
    public var sidecars = SidecarTexts()

    public init(
        trackID: String? = nil,
        title: String? = nil,
        url: String? = nil,
        length: Duration? = nil,
        artists: [String] = [],
        album: String? = nil,
        sidecars: SidecarTexts = SidecarTexts()
    ) {
        self.trackID = trackID
        self.title = title
        self.url = url
        self.length = length
        self.artists = artists
        self.album = album
        self.sidecars = sidecars
    }

    /// The bus fields only: sidecars are the agent's own reading, never part of what a player sends.
    private enum CodingKeys: String, CodingKey {
        case trackID, title, url, length, artists, album
    }
}
