/// `.nfo` sidecars, which win over everything parsed from names.
extension MediaIdentifier {
    /// Overlays what the item's `.nfo` and the show's `tvshow.nfo` say on a guess from names. The item's sidecar
    /// decides between movie and episode and gives the movie's ids; `tvshow.nfo` gives an episode's show title,
    /// year and ids (an episode's own `<uniqueid>`s name the episode, not the show, so they are not used).
    static func applySidecars(item itemText: String?, show showText: String?, to identification: inout Identification) {
        let item = itemText.flatMap(SidecarInfo.init(nfo:))
        let show = showText.flatMap(SidecarInfo.init(nfo:)).flatMap { $0.kind == .show ? $0 : nil }
        var sources = identification.sources
        switch item?.kind {
        case .movie?:
            guard let item else { break }
            identification.mediaType = .movie
            sources.mediaType = .nfo
            identification.season = nil
            identification.episode = nil
            identification.episodeEnd = nil
            identification.absoluteEpisode = nil
            identification.episodeTitle = nil
            sources.season = nil
            sources.episode = nil
            sources.episodeTitle = nil
            identification.multiEpisode = false
            apply(item, to: &identification, sources: &sources)
            identification.reasons.append("movie .nfo sidecar")
        case .episode?:
            guard let item else { break }
            identification.mediaType = .episode
            sources.mediaType = .nfo
            overlay(item.showTitle, on: &identification.title, source: &sources.title)
            overlay(item.title, on: &identification.episodeTitle, source: &sources.episodeTitle)
            overlay(item.season, on: &identification.season, source: &sources.season)
            overlay(item.episode, on: &identification.episode, source: &sources.episode)
            identification.reasons.append("episode .nfo sidecar")
        case .show?, nil:
            break
        }
        if let show, identification.mediaType == .episode {
            apply(show, to: &identification, sources: &sources)
            identification.reasons.append("tvshow.nfo sidecar")
        }
        if sources != identification.sources {
            identification.confidence = max(identification.confidence, 0.98)
            identification.sources = sources
        }
    }

    /// The title, year and ids of a movie or show sidecar.
    private static func apply(_ info: SidecarInfo, to identification: inout Identification, sources: inout FieldSources)
    {
        if let title = info.title {
            identification.title = title
            sources.title = .nfo
        }
        overlay(info.year, on: &identification.year, source: &sources.year)
        overlay(info.tmdbID, on: &identification.tmdbID, source: &sources.tmdbID)
        overlay(info.tvdbID, on: &identification.tvdbID, source: &sources.tvdbID)
        overlay(info.imdbID, on: &identification.imdbID, source: &sources.imdbID)
    }

    private static func overlay<Value>(_ value: Value?, on field: inout Value?, source: inout FieldSource?) {
        guard let value else { return }
        field = value
        source = .nfo
    }

    private static func overlay(_ value: String?, on field: inout String, source: inout FieldSource?) {
        guard let value else { return }
        field = value
        source = .nfo
    }

    /// The identification an item's own sidecar gives when the names give none (`title_t00.mkv` in a folder
    /// with a `movie.nfo`), or the reason the names were rejected.
    static func sidecarOnly(_ hints: MediaHints, otherwise reason: String) -> IdentificationResult {
        guard hints.itemSidecar != nil else { return .notMedia(reason: reason) }
        var identification = Identification(mediaType: .movie, title: "", confidence: 0.98, reasons: [])
        applySidecars(item: hints.itemSidecar, show: hints.showSidecar, to: &identification)
        guard !identification.title.isEmpty, identification.sources.mediaType == .nfo else {
            return .notMedia(reason: reason)
        }
        return .media(identification)
    }
}
