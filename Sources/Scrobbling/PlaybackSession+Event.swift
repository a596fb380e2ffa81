import MediaIdentity
import PlaybackModel

extension PlaybackSession {
    /// How close to the end a stop must be to report the full duration.
    static let endTolerance: Duration = .seconds(3)
    /// The share of the duration that must really have been played for a stop to count as watched.
    static let minimumPlayedShare = 0.1
    /// The longest `title` the service accepts (§4).
    static let maximumTitleLength = 500

    /// Creates the next event of this session at `now`, stamping a strictly increasing `event_created_at`.
    mutating func makeEvent(
        _ action: PlaybackAction,
        at now: Moment,
        eventID: String,
        context: ScrobblingContext,
        policy: PlayerPolicy
    ) -> PlaybackEvent {
        let createdAt = max(now.wallClockMillis, (lastCreatedAt ?? .min) + 1)
        lastCreatedAt = createdAt
        let reportedPosition = Self.reportedPosition(action, position: position, duration: duration)
        var payload = PlaybackPayload(
            mediaType: identification.mediaType.rawValue,
            title: String(identification.title.prefix(Self.maximumTitleLength)),
            playbackSessionID: id,
            eventID: eventID,
            eventCreatedAt: createdAt
        )
        payload.fill(from: identification)
        payload.positionSeconds = reportedPosition.wholeSeconds
        if let duration, duration > .zero {
            payload.durationSeconds = duration.wholeSeconds
            payload.progress = min(max(reportedPosition.seconds / duration.seconds, 0), 1)
        }
        payload.deviceID = context.deviceID
        payload.clientVersion = context.clientVersion
        payload.rawFilename = rawFilename
        if action == .stop {
            payload.watched = Self.isWatched(
                progress: payload.progress,
                threshold: policy.watchedThreshold,
                playedTime: playedTime,
                duration: duration
            )
            payload.watchedThreshold = policy.watchedThreshold
        }
        let checkpoint = SessionCheckpoint(
            playedMilliseconds: Int64(min(playedTime.seconds * 1000, Double(Int64.max / 2)).rounded()),
            watchedThreshold: policy.watchedThreshold
        )
        return PlaybackEvent(action: action, payload: payload, checkpoint: checkpoint)
    }

    /// Where a `stop` within `endTolerance` of the end is: at the end; any other event reports `position`.
    static func reportedPosition(_ action: PlaybackAction, position: Duration, duration: Duration?) -> Duration {
        if action == .stop, let duration, duration - position <= endTolerance {
            return duration
        }
        return position
    }

    /// Watched means far enough *and* really played: seeking to the end is not watching.
    static func isWatched(progress: Double?, threshold: Double, playedTime: Duration, duration: Duration?) -> Bool {
        guard let progress, let duration else { return false }
        return progress >= threshold && playedTime.seconds >= duration.seconds * minimumPlayedShare
    }
}

extension PlaybackPayload {
    /// Copies the identification fields of §4; flags that are false are left out.
    fileprivate mutating func fill(from identification: Identification) {
        year = identification.year
        tmdbID = identification.tmdbID
        tvdbID = identification.tvdbID
        imdbID = identification.imdbID
        season = identification.season
        episode = identification.episode
        episodeEnd = identification.episodeEnd
        multiEpisode = identification.multiEpisode ? true : nil
        absoluteEpisode = identification.absoluteEpisode
        anime = identification.anime ? true : nil
        episodeTitle = identification.episodeTitle
    }
}
