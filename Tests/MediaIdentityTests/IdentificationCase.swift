import MediaIdentity
import Testing

/// One row of the corpus: what a player says, and everything the identification must say back.
struct IdentificationCase: Sendable, CustomTestStringConvertible {
    var hints: MediaHints
    var expected: Expectation

    var testDescription: String {
        [hints.title.map { "title: \($0)" }, hints.url.map { "url: \($0)" }, hints.duration.map { "length: \($0)" }]
            .compactMap { $0 }.joined(separator: ", ")
    }

    /// Inputs starting with `/` or containing `://` are the player's URL; anything else is its title.
    static func hints(_ input: String, playerTitle: String?, duration: Duration?) -> MediaHints {
        if input.hasPrefix("/") || input.contains("://") {
            return MediaHints(title: playerTitle, url: input, duration: duration)
        }
        return MediaHints(title: input, duration: duration)
    }

    static func movie(
        _ input: String, _ title: String, _ year: Int? = nil, part: Int? = nil, tmdb: Int? = nil, imdb: String? = nil,
        playerTitle: String? = nil, duration: Duration? = nil
    ) -> IdentificationCase {
        IdentificationCase(
            hints: hints(input, playerTitle: playerTitle, duration: duration),
            expected: Expectation(
                mediaType: .movie, title: title, year: year, part: part, tmdb: tmdb, imdb: imdb))
    }

    static func episode(
        _ input: String, _ title: String, _ season: Int?, _ episode: Int?, end: Int? = nil, year: Int? = nil,
        episodeTitle: String? = nil, absolute: Int? = nil, anime: Bool = false, airDate: String? = nil,
        country: String? = nil, tvdb: Int? = nil, tmdb: Int? = nil, imdb: String? = nil,
        playerTitle: String? = nil, duration: Duration? = nil
    ) -> IdentificationCase {
        IdentificationCase(
            hints: hints(input, playerTitle: playerTitle, duration: duration),
            expected: Expectation(
                mediaType: .episode, title: title, year: year, season: season, episode: episode, episodeEnd: end,
                absoluteEpisode: absolute, anime: anime, episodeTitle: episodeTitle, airDate: airDate,
                country: country, tmdb: tmdb, tvdb: tvdb, imdb: imdb))
    }

    static func anime(
        _ input: String, _ title: String, _ episode: Int?, season: Int? = nil, end: Int? = nil, year: Int? = nil,
        episodeTitle: String? = nil, playerTitle: String? = nil, duration: Duration? = nil
    ) -> IdentificationCase {
        IdentificationCase(
            hints: hints(input, playerTitle: playerTitle, duration: duration),
            expected: Expectation(
                mediaType: .episode, title: title, year: year, season: season, episode: episode, episodeEnd: end,
                absoluteEpisode: season == nil ? episode : nil, anime: true, episodeTitle: episodeTitle))
    }

    static func notMedia(_ input: String, playerTitle: String? = nil, duration: Duration? = nil) -> IdentificationCase {
        IdentificationCase(hints: hints(input, playerTitle: playerTitle, duration: duration), expected: .notMedia)
    }

    static func titleOnly(_ title: String, duration: Duration? = nil, expected: Expectation) -> IdentificationCase {
        IdentificationCase(hints: MediaHints(title: title, duration: duration), expected: expected)
    }
}

/// The fields of an identification the corpus pins down (all but confidence, reasons and the raw file name,
/// which have their own tests), or "not a movie or episode".
struct Expectation: Sendable, Equatable, CustomStringConvertible {
    var mediaType: MediaType?
    var title: String?
    var year: Int?
    var season: Int?
    var episode: Int?
    var episodeEnd: Int?
    var absoluteEpisode: Int?
    var anime = false
    var episodeTitle: String?
    var airDate: String?
    var part: Int?
    var country: String?
    var tmdb: Int?
    var tvdb: Int?
    var imdb: String?

    static let notMedia = Expectation()

    init(
        mediaType: MediaType? = nil, title: String? = nil, year: Int? = nil, season: Int? = nil, episode: Int? = nil,
        episodeEnd: Int? = nil, absoluteEpisode: Int? = nil, anime: Bool = false, episodeTitle: String? = nil,
        airDate: String? = nil, part: Int? = nil, country: String? = nil, tmdb: Int? = nil, tvdb: Int? = nil,
        imdb: String? = nil
    ) {
        self.mediaType = mediaType
        self.title = title
        self.year = year
        self.season = season
        self.episode = episode
        self.episodeEnd = episodeEnd
        self.absoluteEpisode = absoluteEpisode
        self.anime = anime
        self.episodeTitle = episodeTitle
        self.airDate = airDate
        self.part = part
        self.country = country
        self.tmdb = tmdb
        self.tvdb = tvdb
        self.imdb = imdb
    }

    init(_ result: IdentificationResult) {
        guard case .media(let item) = result else {
            self = .notMedia
            return
        }
        self.init(
            mediaType: item.mediaType, title: item.title, year: item.year, season: item.season, episode: item.episode,
            episodeEnd: item.episodeEnd, absoluteEpisode: item.absoluteEpisode, anime: item.anime,
            episodeTitle: item.episodeTitle, airDate: item.airDate, part: item.part, country: item.country,
            tmdb: item.tmdbID, tvdb: item.tvdbID, imdb: item.imdbID)
    }

    var description: String {
        guard let mediaType, let title else { return "not media" }
        let fields: [(String, String?)] = [
            ("year", year.map(String.init)), ("season", season.map(String.init)),
            ("episode", episode.map(String.init)), ("end", episodeEnd.map(String.init)),
            ("absolute", absoluteEpisode.map(String.init)), ("anime", anime ? "yes" : nil),
            ("episodeTitle", episodeTitle), ("airDate", airDate), ("part", part.map(String.init)),
            ("country", country), ("tmdb", tmdb.map(String.init)), ("tvdb", tvdb.map(String.init)), ("imdb", imdb),
        ]
        let details = fields.compactMap { name, value in value.map { "\(name)=\($0)" } }
        return "\(mediaType.rawValue) \"\(title)\" " + details.joined(separator: " ")
    }
}
