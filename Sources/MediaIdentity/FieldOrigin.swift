/// What a guess started from, kept while the player's title and length are weighed in so that the finished
/// identification can say where each field came from. Cheap when nothing but the file name was used: the file
/// name is parsed a second time only when a folder contributed.
struct FieldOrigin {
    /// The file's stem; nil when the guess rests on the player's title alone.
    var fileStem: String?
    /// The guess from the file and its folders, before the player's title was weighed in.
    var fileDraft: IdentificationDraft?
    /// Whether the player's title was weighed against the file's guess (and so may have changed fields).
    var weighedPlayerTitle = false

    func sources(of identification: Identification, typeFromLength: Bool) -> FieldSources {
        var sources: FieldSources
        if let fileStem, let fileDraft {
            sources = FieldSources(all: .name, of: identification)
            if fileDraft.reasons.contains(where: { $0.contains("folder") }) {
                Self.attributeFolders(in: &sources, of: identification, fileName: ReleaseNameParser.parse(fileStem))
            }
            if weighedPlayerTitle, let fromFile = fileDraft.identification() {
                Self.attributePlayer(in: &sources, of: identification, fileGuess: fromFile)
            }
        } else {
            sources = FieldSources(all: .player, of: identification)
        }
        if typeFromLength {
            sources.mediaType = .length
        } else {
            let numbering = sources.episode ?? sources.season
            sources.mediaType = (identification.mediaType == .episode ? numbering : nil) ?? sources.title
        }
        return sources
    }

    /// Fields that the file name alone does not give came from its folders.
    private static func attributeFolders(
        in sources: inout FieldSources, of identification: Identification, fileName: ParsedName
    ) {
        sources.title = TitleComparison.same(fileName.title, identification.title) ? .name : .folder
        sources.year = source(identification.year, fromName: [fileName.year])
        sources.season = source(identification.season, fromName: [fileName.season])
        sources.episode = source(
            identification.episode, fromName: [fileName.episode, fileName.leadingNumber, fileName.trailingNumber])
        sources.episodeTitle = source(
            identification.episodeTitle, fromName: [fileName.episodeTitle, fileName.titleAfterLeadingNumber])
        sources.tmdbID = source(identification.tmdbID, fromName: [fileName.ids.tmdb])
        sources.tvdbID = source(identification.tvdbID, fromName: [fileName.ids.tvdb])
        sources.imdbID = source(identification.imdbID, fromName: [fileName.ids.imdb])
    }

    /// Fields that differ from the file's own guess came from the player's title.
    private static func attributePlayer(
        in sources: inout FieldSources, of identification: Identification, fileGuess: Identification
    ) {
        if !TitleComparison.same(identification.title, fileGuess.title) { sources.title = .player }
        if identification.year != fileGuess.year { sources.year = identification.year.map { _ in .player } }
        if identification.season != fileGuess.season { sources.season = identification.season.map { _ in .player } }
        if identification.episode != fileGuess.episode {
            sources.episode = identification.episode.map { _ in .player }
        }
        if identification.episodeTitle != fileGuess.episodeTitle {
            sources.episodeTitle = identification.episodeTitle.map { _ in .player }
        }
    }

    private static func source<Value: Equatable>(_ value: Value?, fromName candidates: [Value?]) -> FieldSource? {
        guard let value else { return nil }
        return candidates.contains(value) ? .name : .folder
    }
}
