/// An active or resumable item from `GET /playback/in-progress` (§5).
public struct InProgressItem: Sendable, Hashable, Codable {
    public var id: String?
    public var type: String?
    public var tmdbID: Int?
    public var title: String?
    public var showTitle: String?
    public var episodeTitle: String?
    public var season: Int?
    public var episode: Int?
    public var progressPercent: Double?
    public var progressSeconds: Int?
    public var durationSeconds: Int?
    public var playbackState: String?
    public var updatedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, type, title, showTitle, episodeTitle, season, episode, progressPercent, progressSeconds
        case durationSeconds, playbackState, updatedAt
        case tmdbID = "tmdbId"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try? container.decodeLenientID(forKey: .id)
        type = try container.decodeIfPresent(String.self, forKey: .type)
        tmdbID = try container.decodeIfPresent(Int.self, forKey: .tmdbID)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        showTitle = try container.decodeIfPresent(String.self, forKey: .showTitle)
        episodeTitle = try container.decodeIfPresent(String.self, forKey: .episodeTitle)
        season = try container.decodeIfPresent(Int.self, forKey: .season)
        episode = try container.decodeIfPresent(Int.self, forKey: .episode)
        progressPercent = try container.decodeIfPresent(Double.self, forKey: .progressPercent)
        progressSeconds = try container.decodeIfPresent(Int.self, forKey: .progressSeconds)
        durationSeconds = try container.decodeIfPresent(Int.self, forKey: .durationSeconds)
        playbackState = try container.decodeIfPresent(String.self, forKey: .playbackState)
        updatedAt = try container.decodeIfPresent(String.self, forKey: .updatedAt)
    }
}
