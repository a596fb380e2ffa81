/// The Kodi/Jellyfin `.nfo` texts found next to a local file, read once at the edge so the pure core can use
/// their ids and names without doing I/O itself. Empty for remote URLs and files without sidecars.
public struct SidecarTexts: Sendable, Hashable, Codable {
    /// The item's own sidecar: `NAME.nfo` for `NAME.mkv`, else `movie.nfo` in the same folder.
    public var item: String?
    /// `tvshow.nfo` in the file's folder or its parent (the show folder above `Season 1/`).
    public var show: String?

    public init(item: String? = nil, show: String? = nil) {
        self.item = item
        self.show = show
    }

    public var isEmpty: Bool { item == nil && show == nil }
}
