/// What a player told us about the current item, the raw material for identification.
public struct MediaHints: Sendable, Hashable {
    /// `xesam:title`: an embedded title, or just the file name.
    public var title: String?
    /// `xesam:url`: a `file://` or other URI, or a bare path.
    public var url: String?
    /// `mpris:length`, when known: a tie-breaker between movies and episodes.
    public var duration: Duration?

    public init(title: String? = nil, url: String? = nil, duration: Duration? = nil) {
        self.title = title
        self.url = url
        self.duration = duration
    }
}
