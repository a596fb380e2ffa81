import PlaybackModel

/// A session a previous run of the agent opened and never closed (it crashed or was killed), known by the
/// last event it queued. The core continues it when the same item is found playing again and closes it
/// with a `stop` at its last known position otherwise, so it is never left open on the service.
public struct InheritedSession: Sendable, Hashable {
    /// The last event queued for the session: identity fields, position and `event_created_at`.
    public var lastEvent: PlaybackEvent

    public init(lastEvent: PlaybackEvent) {
        self.lastEvent = lastEvent
    }

    var id: String { lastEvent.payload.playbackSessionID }

    /// The same key `PlaybackSession.contentKey` gives for what the event describes.
    var contentKey: String {
        let payload = lastEvent.payload
        return PlaybackSession.contentKey(
            mediaType: payload.mediaType,
            title: payload.title ?? "",
            year: payload.year,
            season: payload.season,
            episode: payload.episode
        )
    }

    /// What the service was last told: paused after a `pause`, playing after anything else.
    var reported: PlaybackSession.ReportedStatus {
        lastEvent.action == .pause ? .paused : .playing
    }

    var playedTime: Duration {
        .milliseconds(lastEvent.checkpoint?.playedMilliseconds ?? 0)
    }
}

extension InheritedSession {
    /// The `stop` that closes the session where it was last seen: its last event's identity and position,
    /// a new `event_id` and an `event_created_at` after the last one. Watched only if the checkpoint shows
    /// it was really played far enough; without a checkpoint the service applies its own threshold.
    func closingStop(at now: Moment, eventID: String) -> PlaybackEvent {
        var stop = lastEvent
        stop.action = .stop
        stop.payload.eventID = eventID
        stop.payload.eventCreatedAt = max(now.wallClockMillis, lastEvent.payload.eventCreatedAt + 1)
        let duration = lastEvent.payload.durationSeconds.map { Duration.seconds($0) }
        let position = PlaybackSession.reportedPosition(
            .stop,
            position: .seconds(lastEvent.payload.positionSeconds ?? 0),
            duration: duration
        )
        stop.payload.positionSeconds = position.wholeSeconds
        if let duration, duration > .zero {
            stop.payload.progress = min(max(position.seconds / duration.seconds, 0), 1)
        }
        stop.payload.watched = nil
        stop.payload.watchedThreshold = nil
        if let checkpoint = lastEvent.checkpoint {
            stop.payload.watched = PlaybackSession.isWatched(
                progress: stop.payload.progress,
                threshold: checkpoint.watchedThreshold,
                playedTime: playedTime,
                duration: duration
            )
            stop.payload.watchedThreshold = checkpoint.watchedThreshold
        }
        return stop
    }
}
