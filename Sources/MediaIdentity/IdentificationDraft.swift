/// A guess in progress: a parsed name plus the reasons and confidence gathered while context was weighed in.
struct IdentificationDraft: Sendable {
    var name: ParsedName
    var reasons: [String]
    var rawFilename: String?

    var isEpisode: Bool { name.hasEpisodeNumber || name.numbering == .seasonOnly }

    /// How sure the guess is, from how the numbering or year was written and whether ids back it.
    var confidence: Double {
        var value: Double
        switch name.numbering {
        case .seasonEpisode: value = 0.95
        case .date: value = 0.9
        case .episodeOnly: value = 0.75
        case .bareNumber: value = name.anime ? 0.85 : 0.7
        case .seasonOnly: value = 0.5
        case .none:
            if name.year != nil {
                value = name.tagCount > 0 ? 0.9 : 0.85
            } else {
                value = name.tagCount > 0 ? 0.6 : 0.45
            }
        }
        if !name.ids.isEmpty { value = max(value, 0.98) }
        return value
    }

    func identification() -> Identification? {
        guard let title = name.title else { return nil }
        let isMultiEpisode = name.episodeEnd.map { end in name.episode.map { end > $0 } ?? false } ?? false
        return Identification(
            mediaType: isEpisode ? .episode : .movie,
            title: title,
            year: name.year,
            season: isEpisode ? name.season : nil,
            episode: isEpisode ? name.episode : nil,
            episodeEnd: isMultiEpisode ? name.episodeEnd : nil,
            multiEpisode: isMultiEpisode,
            absoluteEpisode: isEpisode && name.numbering == .bareNumber && name.anime && name.season == nil
                ? name.episode : nil,
            anime: isEpisode && name.anime,
            episodeTitle: isEpisode ? name.episodeTitle : nil,
            tmdbID: name.ids.tmdb,
            tvdbID: name.ids.tvdb,
            imdbID: name.ids.imdb,
            airDate: name.airDate,
            part: isEpisode ? nil : name.part,
            country: name.country,
            rawFilename: rawFilename,
            confidence: confidence,
            reasons: reasons
        )
    }
}
