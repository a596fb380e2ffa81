import Foundation
import PunchPlay
import Testing

/// Renders events as one line each with every field that is set, so a scenario can assert the complete
/// event list with one `#expect`. Fields that are the same on every event are checked here instead:
/// ids unique, session ids numbered `S1`, `S2`... in order of appearance, `device_id`/`client_version`
/// from the fixture context, `event_created_at` strictly increasing per session and shown as seconds
/// since the scripted run's origin.
enum Transcript {
    static func lines(_ events: [PlaybackEvent], sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        var sessionNumbers: [String: Int] = [:]
        var lastCreatedAt: [String: Int64] = [:]
        var eventIDs: Set<String> = []
        return events.map { event in
            let payload = event.payload
            let session = payload.playbackSessionID
            if sessionNumbers[session] == nil { sessionNumbers[session] = sessionNumbers.count + 1 }
            #expect(eventIDs.insert(payload.eventID).inserted, "duplicate event_id", sourceLocation: sourceLocation)
            #expect(sessionNumbers[payload.eventID] == nil, "event id reused as session id", sourceLocation: sourceLocation)
            #expect(payload.deviceID == Fixtures.context.deviceID, sourceLocation: sourceLocation)
            #expect(payload.clientVersion == Fixtures.context.clientVersion, sourceLocation: sourceLocation)
            if let last = lastCreatedAt[session] {
                #expect(payload.eventCreatedAt > last, "event_created_at not increasing", sourceLocation: sourceLocation)
            }
            lastCreatedAt[session] = payload.eventCreatedAt
            return line(event, session: sessionNumbers[session]!)
        }
    }

    private static func line(_ event: PlaybackEvent, session: Int) -> String {
        let payload = event.payload
        let time = Double(payload.eventCreatedAt - ScriptedRun.wallClockOrigin) / 1000
        var fields = ["\(time)", event.action.rawValue, "S\(session)", payload.mediaType]
        fields.append("\"\(payload.title ?? "")\"")
        let optionals: [(String, Any?)] = [
            ("year", payload.year), ("tmdb", payload.tmdbID), ("tvdb", payload.tvdbID), ("imdb", payload.imdbID),
            ("punchplay", payload.punchplayID), ("season", payload.season), ("episode", payload.episode),
            ("episode_end", payload.episodeEnd), ("multi", payload.multiEpisode),
            ("absolute", payload.absoluteEpisode), ("anime", payload.anime),
            ("episode_title", payload.episodeTitle), ("pos", payload.positionSeconds),
            ("dur", payload.durationSeconds), ("prog", payload.progress.map { String(format: "%.3f", $0) }),
            ("watched", payload.watched), ("threshold", payload.watchedThreshold), ("file", payload.rawFilename),
        ]
        for (name, value) in optionals {
            if let value { fields.append("\(name)=\(value)") }
        }
        return fields.joined(separator: " ")
    }
}
