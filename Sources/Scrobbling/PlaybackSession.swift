import MediaIdentity
import PlaybackModel

/// One playback of one item from `start` to `stop`: its id, what was identified, what the service was last
/// told, and the facts the watched rule needs. Lives inside a `PlayerTracker`.
struct PlaybackSession: Sendable, Hashable {
    /// Which reported status a session can be in: it is never reported as stopped while open.
    enum ReportedStatus: Sendable, Hashable {
        case playing
        case paused
    }

    let id: String
    /// The `TrackMetadata.itemKey` this session is about.
    let itemKey: String
    let identification: Identification
    let rawFilename: String?
    var duration: Duration?
    var reported: ReportedStatus
    /// The position reached, kept current while the player shows this item and frozen once it does not.
    var position: Duration
    /// The position before a seek that has not settled yet: if the session ends before it settles, the
    /// jump is not trusted (VLC's transient `Stopped` → `Playing` at 0 of the old item on a track change).
    var positionBeforeSeek: Duration?
    /// Time actually spent playing (seeks excluded), for the watched rule.
    var playedTime: Duration = .zero
    /// When the last `start`, `resume` or `progress` was sent; the next `progress` is due an interval later.
    var progressAnchor: Duration
    /// The last `event_created_at` of this session, so the next one is strictly greater.
    var lastCreatedAt: Int64?

    /// What identifies the content across players, for reporting it once when a browser and its mirror
    /// show the same thing.
    var contentKey: String {
        Self.contentKey(identification)
    }

    static func contentKey(_ identification: Identification) -> String {
        contentKey(
            mediaType: identification.mediaType.rawValue,
            title: identification.title,
            year: identification.year,
            season: identification.season,
            episode: identification.episode
        )
    }

    /// The key of `contentKey(_:)` from its parts; the title as the wire carries it, so that a session
    /// known only by its last event gives the same key.
    static func contentKey(mediaType: String, title: String, year: Int?, season: Int?, episode: Int?) -> String {
        [
            mediaType, title.prefix(maximumTitleLength).lowercased(), year.map(String.init) ?? "",
            season.map(String.init) ?? "", episode.map(String.init) ?? "",
        ].joined(separator: "|")
    }
}
