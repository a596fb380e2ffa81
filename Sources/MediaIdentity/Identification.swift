/// A movie or an episode worked out from what a player said, with the fields PunchPlay matches on and the
/// reasons behind the guess (shown in the debug log and by `punchplay-mpris identify`).
public struct Identification: Sendable, Hashable, Codable {
    public var mediaType: MediaType
    /// The movie title, or the *show* title for an episode.
    public var title: String
    public var year: Int?
    public var season: Int?
    public var episode: Int?
    /// The last episode of a multi-episode file (`S01E01E02` → 2).
    public var episodeEnd: Int?
    public var multiEpisode: Bool
    public var absoluteEpisode: Int?
    public var anime: Bool
    public var episodeTitle: String?
    public var tmdbID: Int?
    public var tvdbID: Int?
    public var imdbID: String?
    /// The air date of a date-based episode (`Show.2024.05.01`), as `YYYY-MM-DD`.
    public var airDate: String?
    /// The part of a movie split across files (`CD2`, `Part 2` after the year).
    public var part: Int?
    /// The country a show title is qualified by (`The.Office.US` → `US`), removed from the title.
    public var country: String?
    /// The file name alone (never a directory), for PunchPlay's fallback matching.
    public var rawFilename: String?
    /// 0...1: how sure the parser is.
    public var confidence: Double
    /// Short human sentences saying what produced this guess ("S01E02 pattern in file name").
    public var reasons: [String]
    /// Where each set field came from (the name, a folder, an `.nfo` sidecar, the player).
    public var sources: FieldSources

    public init(
        mediaType: MediaType,
        title: String,
        year: Int? = nil,
        season: Int? = nil,
        episode: Int? = nil,
        episodeEnd: Int? = nil,
        multiEpisode: Bool = false,
        absoluteEpisode: Int? = nil,
        anime: Bool = false,
        episodeTitle: String? = nil,
        tmdbID: Int? = nil,
        tvdbID: Int? = nil,
        imdbID: String? = nil,
        airDate: String? = nil,
        part: Int? = nil,
        country: String? = nil,
        rawFilename: String? = nil,
        confidence: Double,
        reasons: [String],
        sources: FieldSources = FieldSources()
    ) {
        self.mediaType = mediaType
        self.title = title
        self.year = year
        self.season = season
        self.episode = episode
        self.episodeEnd = episodeEnd
        self.multiEpisode = multiEpisode
        self.absoluteEpisode = absoluteEpisode
        self.anime = anime
        self.episodeTitle = episodeTitle
        self.tmdbID = tmdbID
        self.tvdbID = tvdbID
        self.imdbID = imdbID
        self.airDate = airDate
        self.part = part
        self.country = country
        self.rawFilename = rawFilename
        self.confidence = confidence
        self.reasons = reasons
        self.sources = sources
    }
}
