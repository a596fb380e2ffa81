/// Whether an item is a movie or an episode, as PunchPlay's `media_type` names it.
public enum MediaType: String, Sendable, Hashable, Codable {
    case movie
    case episode
}
