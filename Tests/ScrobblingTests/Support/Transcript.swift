import Foundation
import PlaybackModel
import Testing

/// Renders events as one line each with every field that is set, so a scenario can assert the complete
/// event list with one `#expect`. Fields that are the same on every event are checked here instead of
/// printed each time: ids unique, session ids numbered `S1`, `S2`... in order of appearance,
/// `device_id`/`client_version` from the fixture context, `event_created_at` strictly increasing per
/// session (printed as seconds since the scripted run's origin), and the identification fields and
/// `raw_filename`, printed on the first event of a session and required to be equal on the others.
enum Transcript {
    static func lines(_ events: [PlaybackEvent], sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        var sessionNumbers: [String: Int] = [:]
        var lastCreatedAt: [String: Int64] = [:]
        var sessionIdentity: [String: [String]] = [:]
        var eventIDs: Set<String> = []
        return events.map { event in
            let payload = event.payload
            let session = payload.playbackSessionID
            if sessionNumbers[session] == nil { sessionNumbers[session] = sessionNumbers.count + 1 }
            #expect(eventIDs.insert(payload.eventID).inserted, "duplicate event_id", sourceLocation: sourceLocation)
            #expect(sessionNumbers[payload.eventID] == nil, "event_id reused", sourceLocation: sourceLocation)
            #expect(payload.deviceID == Fixtures.context.deviceID, sourceLocation: sourceLocation)
            #expect(payload.clientVersion == Fixtures.context.clientVersion, sourceLocation: sourceLocation)
            if let last = lastCreatedAt[session] {
                #expect(payload.eventCreatedAt > last, "time not increasing", sourceLocation: sourceLocation)
            }
            lastCreatedAt[session] = payload.eventCreatedAt
            let time = Double(payload.eventCreatedAt - ScriptedRun.wallClockOrigin) / 1000
            var fields = ["\(time)", event.action.rawValue, "S\(sessionNumbers[session]!)"]
            let identity = identityFields(payload)
            if let known = sessionIdentity[session] {
                #expect(identity == known, "identification changed in a session", sourceLocation: sourceLocation)
            } else {
                sessionIdentity[session] = identity
                fields += identity
            }
            return (fields + playbackFields(payload)).joined(separator: " ")
        }
    }

    private static func identityFields(_ payload: PlaybackPayload) -> [String] {
        let optionals: [(String, Any?)] = [
            ("year", payload.year), ("tmdb", payload.tmdbID), ("tvdb", payload.tvdbID), ("imdb", payload.imdbID),
            ("punchplay", payload.punchplayID), ("season", payload.season), ("episode", payload.episode),
            ("episode_end", payload.episodeEnd), ("multi", payload.multiEpisode),
            ("absolute", payload.absoluteEpisode), ("anime", payload.anime),
            ("episode_title", payload.episodeTitle), ("file", payload.rawFilename),
        ]
        return [payload.mediaType, "\"\(payload.title ?? "")\""] + render(optionals)
    }

    private static func playbackFields(_ payload: PlaybackPayload) -> [String] {
        render([
            ("pos", payload.positionSeconds), ("dur", payload.durationSeconds),
            ("prog", payload.progress.map { String(format: "%.3f", $0) }), ("watched", payload.watched),
            ("threshold", payload.watchedThreshold),
        ])
    }

    private static func render(_ fields: [(String, Any?)]) -> [String] {
        fields.compactMap { name, value in value.map { "\(name)=\($0)" } }
    }
}
