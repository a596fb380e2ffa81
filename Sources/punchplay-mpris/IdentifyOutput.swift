import MediaIdentity

/// One line of `punchplay-mpris identify` output: the input next to what it was identified as, flat so that
/// `jq` and scripts can read fields directly (`media_type`, `title`, `season`, ... or `not_media` and `reason`).
struct IdentifyOutput: Encodable {
    var input: String
    var result: IdentificationResult

    private enum CodingKeys: String, CodingKey {
        case input
        case notMedia
        case reason
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(input, forKey: .input)
        switch result {
        case .media(let identification):
            try identification.encode(to: encoder)
        case .notMedia(let reason, let belongsTo):
            try belongsTo?.encode(to: encoder)
            try container.encode(true, forKey: .notMedia)
            try container.encode(reason, forKey: .reason)
        }
    }

    /// The input, then `episode: Show (2005) S01E02-E03 "Title"`, the confidence with its reasons and where the
    /// fields came from, or why the input is not a movie or episode.
    static func humanLines(input: String, result: IdentificationResult) -> String {
        switch result {
        case .notMedia(let reason, nil):
            return "\(input)\n  not a movie or episode: \(reason)"
        case .notMedia(let reason, let item?):
            return "\(input)\n  not reported: \(reason)\n  belongs to \(summary(item))"
        case .media(let item):
            let confidence = Int((item.confidence * 100).rounded())
            let sources = item.sources.summary.map { "\($0.field) \($0.source.rawValue)" }.joined(separator: ", ")
            return """
                \(input)
                  \(summary(item))
                  confidence \(confidence)%: \(item.reasons.joined(separator: "; "))
                  from: \(sources)
                """
        }
    }

    /// `episode: Show (2005) S01E02-E03 "Title"`, with ids, part and anime marks.
    private static func summary(_ item: Identification) -> String {
        var line = "\(item.mediaType.rawValue): \(item.title)"
        if let year = item.year { line += " (\(year))" }
        if let season = item.season { line += " S\(twoDigits(season))" }
        if let episode = item.episode { line += "\(item.season == nil ? " " : "")E\(twoDigits(episode))" }
        if let end = item.episodeEnd { line += "-E\(twoDigits(end))" }
        if let date = item.airDate { line += " \(date)" }
        if let absolute = item.absoluteEpisode { line += " (absolute \(absolute))" }
        if let episodeTitle = item.episodeTitle { line += " \"\(episodeTitle)\"" }
        if let part = item.part { line += " part \(part)" }
        if item.anime { line += " [anime]" }
        let ids = [
            item.tmdbID.map { "tmdb \($0)" }, item.tvdbID.map { "tvdb \($0)" }, item.imdbID.map { "imdb \($0)" },
        ].compactMap { $0 }
        if !ids.isEmpty { line += " {\(ids.joined(separator: ", "))}" }
        return line
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
