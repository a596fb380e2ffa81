/// What the folders above a file add to its name: a season (`Season 2`, `S02`, `Specials`), the show or movie
/// folder (`Show (2005)`, `Movie (1999)`), ids, a disc number, or the fact that the file is an extra.
struct FolderContext: Sendable {
    var season: Int?
    /// The nearest folder that names the show or movie, skipping technical, disc and season folders and stopping
    /// at library roots (`Downloads`, `Movies`, `TV Shows`, ...).
    var show: ParsedName?
    var ids = ExternalIDs()
    var disc: Int?
    /// A Plex/Jellyfin extras folder (`Trailers`, `Featurettes`, `Sample`, ...) holding the file.
    var extrasFolder: String?

    /// How many folders up the show folder is looked for.
    static let maximumDepth = 4

    init(_ directories: [String]) {
        for (depth, directory) in directories.prefix(Self.maximumDepth).enumerated() {
            let lower = directory.lowercased()
            if depth == 0, Self.extrasFolders.contains(lower) {
                extrasFolder = directory
                return
            }
            if Self.technicalFolders.contains(lower) { continue }
            if let number = Self.discFolderNumber(lower) {
                disc = disc ?? number
                continue
            }
            if lower == "specials" || lower == "special" || lower == "extras specials" {
                season = season ?? 0
                continue
            }
            if Self.libraryRoots.contains(lower) { return }
            let parsed = ReleaseNameParser.parse(directory)
            ids.merge(parsed.ids)
            if parsed.numbering == .seasonOnly, parsed.title == nil {
                season = season ?? parsed.season
                continue
            }
            if parsed.title == nil && !parsed.hasEpisodeNumber { continue }
            if parsed.numbering == .seasonOnly { season = season ?? parsed.season }
            show = parsed
            return
        }
    }

    /// `CD1`, `Disc 2`, `DVD1`: one disc of a movie.
    private static func discFolderNumber(_ lower: String) -> Int? {
        for word in ["cd", "disc", "disk", "dvd"] where lower.hasPrefix(word) {
            var scanner = DigitScanner(Array(lower.utf8.dropFirst(word.utf8.count)))
            _ = scanner.skip(UInt8(ascii: " "))
            if let value = scanner.number(maxDigits: 2), scanner.isAtEnd { return value }
        }
        return nil
    }

    static let extrasFolders: Set<String> = [
        "sample", "samples", "trailers", "trailer", "extras", "extra", "featurettes", "featurette",
        "behind the scenes", "deleted scenes", "interviews", "scenes", "shorts", "bonus", "bonus features",
        "other", "others", "proof", "subs", "subtitles",
    ]

    static let technicalFolders: Set<String> = [
        "video_ts", "audio_ts", "bdmv", "stream", "playlist", "clipinf", "backup", "certificate", "meta", "bdjo",
        "jar", "auxdata",
    ]

    static let libraryRoots: Set<String> = [
        "home", "media", "mnt", "run", "srv", "var", "tmp", "users", "volumes", "downloads", "download",
        "videos", "video", "my videos", "movies", "movie", "films", "film", "tv", "tv shows", "tvshows", "tv series",
        "shows", "series", "anime", "cartoons", "documentaries", "docs", "kids", "torrents", "torrent", "complete",
        "completed", "incoming", "unsorted", "new", "data", "storage", "nas", "share", "shared", "public",
        "library", "libraries", "plex", "jellyfin", "emby", "kodi", "desktop", "documents", "watch", "4k", "uhd",
        "hd", "sd", "rips", "media library", "multimedia", "seedbox", "qbittorrent", "transmission", "deluge",
    ]
}
