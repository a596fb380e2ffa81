import MediaIdentity

/// A per-player choice to trust identification (`auto`) or to force every item to be a movie or an episode.
public enum MediaTypeOverride: String, Sendable, Hashable, CaseIterable {
    case auto
    case movie
    case episode

    /// The media type to report for an item that identification called `identified`.
    func apply(to identified: MediaType) -> MediaType {
        switch self {
        case .auto: identified
        case .movie: .movie
        case .episode: .episode
        }
    }
}
