/// What one name (a file name, a folder name or a player's title) says on its own, before folder context and
/// the player's other hints are weighed in by `MediaIdentifier`.
struct ParsedName: Sendable, Equatable {
    /// How the episode number was written; decides confidence and how context may override it.
    enum Numbering: Sendable, Equatable {
        case none
        /// `S01E02`, `1x02`, `Season 1 Episode 2` and friends.
        case seasonEpisode
        /// Only a season (`S02`, `Season 2`): a season folder or a season pack.
        case seasonOnly
        /// Only an episode (`E05`, `Episode 5`, `Part 1 of 6`).
        case episodeOnly
        /// A date-based episode (`2024.05.01`).
        case date
        /// A bare number after the title (`Title - 07`, `[Group] Title 07`).
        case bareNumber
    }

    var title: String?
    var year: Int?
    var season: Int?
    var episode: Int?
    var episodeEnd: Int?
    var airDate: String?
    var episodeTitle: String?
    var numbering = Numbering.none
    /// Which pattern produced the numbering, for the reasons of an identification.
    var numberingPattern = ""
    /// A leading `[Group]` or a `[CRC32]` checksum: the fansub naming of anime.
    var anime = false
    var part: Int?
    var country: String?
    var ids = ExternalIDs()
    /// How many release tags (quality, codec, source, ...) the name carries: a measure of how "release-like" it is.
    var tagCount = 0
    /// `03 - Title`: a number that is an episode number when a season folder says so.
    var leadingNumber: Int?
    /// The title without that leading number.
    var titleAfterLeadingNumber: String?
    /// `003. Show Name - Ep Name`: with a zero-padded leading number, the show title after it (up to a dash) ...
    var showAfterLeadingNumber: String?
    /// ... and the episode title after that dash.
    var episodeTitleAfterShow: String?
    /// `Naruto 001`: a number ending the title, an episode number when the show folder has the rest as title.
    var trailingNumber: Int?
    /// The title without that trailing number.
    var titleBeforeTrailingNumber: String?
    /// A sample, trailer or other extra rather than the feature itself.
    var extraKind: String?

    var hasEpisodeNumber: Bool { episode != nil || airDate != nil }

    /// The name read as `03 - Show - Episode Title` when nothing else gives it numbering: what a name standing alone
    /// (no season folder to weigh it against) most likely is.
    var asLeadingEpisode: ParsedName? {
        guard numbering == .none, let leadingNumber, let showAfterLeadingNumber else { return nil }
        var episodeName = self
        episodeName.title = showAfterLeadingNumber
        episodeName.episode = leadingNumber
        episodeName.episodeTitle = episodeTitleAfterShow
        episodeName.numbering = .bareNumber
        episodeName.numberingPattern = "\"03 - Title\" leading number"
        return episodeName
    }
}
