/// What a player told us about the current item, the raw material for identification.
public struct MediaHints: Sendable, Hashable {
    /// `xesam:title`: an embedded title, or just the file name.
    public var title: String?
    /// `xesam:url`: a `file://` or other URI, or a bare path.
    public var url: String?
    /// `mpris:length`, when known: a tie-breaker between movies and episodes.
    public var duration: Duration?
    /// The text of the item's own `.nfo` (`NAME.nfo` or `movie.nfo`), read by the caller: its ids and names win.
    public var itemSidecar: String?
    /// The text of the show's `tvshow.nfo`, read by the caller: its ids and show title win for episodes.
    public var showSidecar: String?

    public init(
        title: String? = nil,
        url: String? = nil,
        duration: Duration? = nil,
        itemSidecar: String? = nil,
        showSidecar: String? = nil
    ) {
        self.title = title
        self.url = url
        self.duration = duration
        self.itemSidecar = itemSidecar
        self.showSidecar = showSidecar
    }
}
