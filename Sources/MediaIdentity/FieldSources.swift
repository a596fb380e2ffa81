/// The provenance of an ``Identification``: for each field that is set, where it came from. Fields that are not
/// set have no source.
public struct FieldSources: Sendable, Hashable, Codable {
    public var mediaType: FieldSource?
    public var title: FieldSource?
    public var year: FieldSource?
    public var season: FieldSource?
    public var episode: FieldSource?
    public var episodeTitle: FieldSource?
    public var tmdbID: FieldSource?
    public var tvdbID: FieldSource?
    public var imdbID: FieldSource?

    public init(
        mediaType: FieldSource? = nil,
        title: FieldSource? = nil,
        year: FieldSource? = nil,
        season: FieldSource? = nil,
        episode: FieldSource? = nil,
        episodeTitle: FieldSource? = nil,
        tmdbID: FieldSource? = nil,
        tvdbID: FieldSource? = nil,
        imdbID: FieldSource? = nil
    ) {
        self.mediaType = mediaType
        self.title = title
        self.year = year
        self.season = season
        self.episode = episode
        self.episodeTitle = episodeTitle
        self.tmdbID = tmdbID
        self.tvdbID = tvdbID
        self.imdbID = imdbID
    }

    /// Every set field of `identification` attributed to one source.
    init(all source: FieldSource, of identification: Identification) {
        self.init(
            mediaType: source,
            title: source,
            year: identification.year.map { _ in source },
            season: identification.season.map { _ in source },
            episode: identification.episode.map { _ in source },
            episodeTitle: identification.episodeTitle.map { _ in source },
            tmdbID: identification.tmdbID.map { _ in source },
            tvdbID: identification.tvdbID.map { _ in source },
            imdbID: identification.imdbID.map { _ in source }
        )
    }

    /// `field: source` pairs for the set fields, in a fixed order, for readable output.
    public var summary: [(field: String, source: FieldSource)] {
        let pairs: [(String, FieldSource?)] = [
            ("type", mediaType), ("title", title), ("year", year), ("season", season), ("episode", episode),
            ("episode title", episodeTitle), ("tmdb", tmdbID), ("tvdb", tvdbID), ("imdb", imdbID),
        ]
        return pairs.compactMap { field, source in source.map { (field, $0) } }
    }
}
