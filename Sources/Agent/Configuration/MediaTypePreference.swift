import MediaIdentity

/// `media_type` of a player: let the parser decide (`auto`) or treat everything the player plays as a movie or
/// as an episode (for a player used only for one kind of media).
public enum MediaTypePreference: String, Sendable, Equatable, CaseIterable {
    case auto
    case movie
    case episode

    /// The media type to force on identifications, or `nil` to keep the parser's guess.
    public var forcedMediaType: MediaType? {
        switch self {
        case .auto: nil
        case .movie: .movie
        case .episode: .episode
        }
    }
}
