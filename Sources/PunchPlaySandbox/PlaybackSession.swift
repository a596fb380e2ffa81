import Foundation

/// One playback as materialised from its events: what is playing, how far, and in which state.
struct PlaybackSession: Sendable {
    enum State: String, Sendable {
        case playing, paused, stopped
    }

    var id: String
    var userID: String
    var mediaSource: String
    var body: PlaybackBody
    var state: State
    var lastEventCreatedAt: Int64
    var updatedAt: Date
    var watched = false

    /// Progress as a fraction: the sent `progress`, else position over duration.
    var progressFraction: Double? {
        if let progress = body.progress { return progress }
        guard let position = body.positionSeconds, let duration = body.durationSeconds, duration > 0 else {
            return nil
        }
        return min(1, Double(position) / Double(duration))
    }

    /// The camelCase item of §5 shared by now-playing and in-progress.
    var summary: [String: JSONValue] {
        [
            "type": .string(body.mediaType),
            "tmdbId": .optional(body.tmdbID.map(Int.init)),
            "title": .string(body.title),
            "progressPercent": .optional(progressFraction.map { ($0 * 10000).rounded() / 100 }),
            "progressSeconds": .optional(body.positionSeconds.map(Int.init)),
            "durationSeconds": .optional(body.durationSeconds.map(Int.init)),
            "nowPlaying": .bool(state == .playing),
            "playbackState": .string(state.rawValue),
            "mediaSource": .string(mediaSource),
        ]
    }
}
