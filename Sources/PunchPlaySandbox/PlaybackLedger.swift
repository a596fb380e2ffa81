import Foundation

/// The playback side of the service: dedupe by `event_id`, session lifecycle and ordering, watch history,
/// and the now-playing / in-progress views derived from the events.
struct PlaybackLedger {
    /// What applying one event produced.
    struct Outcome {
        var response: JSONValue
        /// Whether the user's playback state changed (a live update is due).
        var changed: Bool
    }

    private var sessions: [String: PlaybackSession] = [:]
    private var responses: [String: [String: JSONValue]] = [:]
    private(set) var events: [AcceptedEvent] = []
    private(set) var watches: [WatchRecord] = []

    mutating func apply(
        action: String,
        body: PlaybackBody,
        rawBody: String,
        userID: String,
        mediaSource: String,
        now: Date,
        defaultThreshold: Double
    ) throws(SandboxAPIError) -> Outcome {
        let eventKey = userID + "\u{0}" + body.eventID
        if var earlier = responses[eventKey] {
            earlier["deduped"] = true
            return Outcome(response: .object(earlier), changed: false)
        }
        let sessionKey = userID + "\u{0}" + body.sessionID
        let ignoredReason: String?
        if var session = sessions[sessionKey] {
            ignoredReason = Self.reasonToIgnore(action: action, body: body, session: session)
            if ignoredReason == nil {
                session.body = Self.carryingProgress(of: session.body, into: body)
                session.lastEventCreatedAt = body.eventCreatedAt
                session.updatedAt = now
                session.state = Self.state(after: action, from: session.state)
                if action == "stop" {
                    session.watched = recordWatchIfCompleted(session, eventID: body.eventID, now: now, defaultThreshold)
                }
                sessions[sessionKey] = session
            }
        } else {
            guard action == "start" else {
                throw .conflict(
                    "Playback session \(body.sessionID) was never started; send start before \(action)."
                )
            }
            ignoredReason = nil
            sessions[sessionKey] = PlaybackSession(
                id: body.sessionID,
                userID: userID,
                mediaSource: mediaSource,
                body: body,
                state: .playing,
                lastEventCreatedAt: body.eventCreatedAt,
                updatedAt: now
            )
        }
        events.append(
            AcceptedEvent(
                action: action,
                sessionID: body.sessionID,
                eventID: body.eventID,
                eventCreatedAt: body.eventCreatedAt,
                userID: userID,
                ignoredReason: ignoredReason,
                body: rawBody,
                receivedAt: now
            )
        )
        let response = Self.response(for: body, ignoredReason: ignoredReason)
        responses[eventKey] = response
        return Outcome(response: .object(response), changed: ignoredReason == nil)
    }

    /// The single most relevant active item of `userID`: playing before paused, then the latest.
    func nowPlaying(userID: String) -> JSONValue {
        let active = sessions.values.filter { $0.userID == userID && $0.state != .stopped }
        let best = active.max { lhs, rhs in
            (lhs.state == .playing ? 1 : 0, lhs.updatedAt) < (rhs.state == .playing ? 1 : 0, rhs.updatedAt)
        }
        guard let best else {
            return [
                "type": nil, "tmdbId": nil, "title": nil, "progressPercent": nil, "progressSeconds": nil,
                "durationSeconds": nil, "nowPlaying": false, "playbackState": "idle", "mediaSource": nil,
            ]
        }
        return .object(best.summary)
    }

    /// Active or resumable (stopped, not watched) items of `userID`, latest first, as `{"items": [...]}`.
    func inProgress(userID: String) -> JSONValue {
        let items = sessions.values
            .filter { $0.userID == userID && !$0.watched }
            .sorted { $0.updatedAt > $1.updatedAt }
            .map { session -> JSONValue in
                var item = session.summary
                let isEpisode = session.body.mediaType == "episode"
                item["id"] = .string(session.id)
                item["showTitle"] = isEpisode ? .string(session.body.title) : .null
                item["episodeTitle"] = .optional(session.body.episodeTitle)
                item["season"] = .optional(session.body.season.map(Int.init))
                item["episode"] = .optional(session.body.episode.map(Int.init))
                item["updatedAt"] = .string(session.updatedAt.formatted(.iso8601WithMilliseconds))
                return .object(item)
            }
        return ["items": .array(items)]
    }

    private static func reasonToIgnore(action: String, body: PlaybackBody, session: PlaybackSession) -> String? {
        if session.state == .stopped { return "session_stopped" }
        if body.eventCreatedAt <= session.lastEventCreatedAt { return "stale_event" }
        if action == "start" { return "session_already_started" }
        return nil
    }

    /// `body`, keeping the earlier progress and duration when it does not say them anew.
    private static func carryingProgress(of earlier: PlaybackBody, into body: PlaybackBody) -> PlaybackBody {
        var merged = body
        if body.progress == nil, body.positionSeconds == nil {
            merged.progress = earlier.progress
            merged.positionSeconds = earlier.positionSeconds
        }
        merged.durationSeconds = body.durationSeconds ?? earlier.durationSeconds
        return merged
    }

    private static func state(after action: String, from state: PlaybackSession.State) -> PlaybackSession.State {
        switch action {
        case "pause": .paused
        case "resume": .playing
        case "stop": .stopped
        default: state
        }
    }

    /// Records a watch when the stop says `watched: true`, or, without `watched`, when progress reached the
    /// threshold; an explicit `watched: false` wins over progress (the agent knows seeking is not watching).
    private mutating func recordWatchIfCompleted(
        _ session: PlaybackSession,
        eventID: String,
        now: Date,
        _ defaultThreshold: Double
    ) -> Bool {
        let body = session.body
        let derived = body.watched == nil
        let threshold = body.watchedThreshold ?? defaultThreshold
        let completed = body.watched ?? ((session.progressFraction ?? 0) >= threshold)
        guard completed else { return false }
        watches.append(
            WatchRecord(
                userID: session.userID,
                sessionID: session.id,
                eventID: eventID,
                mediaType: body.mediaType,
                title: body.title,
                tmdbID: body.tmdbID,
                tvdbID: body.tvdbID,
                imdbID: body.imdbID,
                season: body.season,
                episode: body.episode,
                progress: session.progressFraction,
                derivedFromProgress: derived,
                watchedAt: now
            )
        )
        return true
    }

    private static func response(for body: PlaybackBody, ignoredReason: String?) -> [String: JSONValue] {
        [
            "ok": true,
            "deduped": false,
            "ignored": .optional(ignoredReason),
            "tmdb_id": .optional(body.tmdbID.map(Int.init)),
            "tvdb_id": .optional(body.tvdbID.map(Int.init)),
            "imdb_id": .optional(body.imdbID),
            "punchplay_id": .string(body.punchplayID ?? canonicalID(for: body)),
            "season": .optional(body.season.map(Int.init)),
            "episode": .optional(body.episode.map(Int.init)),
            "episode_end": .optional(body.episodeEnd.map(Int.init)),
            "absolute_episode": .optional(body.absoluteEpisode.map(Int.init)),
            "anime": .optional(body.anime),
        ]
    }

    /// A stable id the "service" resolved the item to: FNV-1a of type, title and year.
    private static func canonicalID(for body: PlaybackBody) -> String {
        let key = "\(body.mediaType)|\(body.title.lowercased())|\(body.year.map(String.init) ?? "")"
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return "pp_" + String(hash, radix: 16)
    }
}

extension FormatStyle where Self == Date.ISO8601FormatStyle {
    /// ISO 8601 in UTC with milliseconds, the format of every timestamp the sandbox sends.
    static var iso8601WithMilliseconds: Date.ISO8601FormatStyle {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    }
}
