@testable import PunchPlaySandbox

/// Request bodies the tests send, valid by the contract unless a test changes them.
enum Fixtures {
    static let clientID = SandboxApp.agentClientID
    /// 2026-11-29 in milliseconds: a plausible `event_created_at`.
    static let baseTime: Int64 = 1_795_900_000_000

    static func playback(
        session: String = "session-1",
        event: String,
        at offset: Int64 = 0,
        extra: [String: JSONValue] = [:],
        removing: [String] = []
    ) -> JSONValue {
        var fields: [String: JSONValue] = [
            "media_type": "movie",
            "title": "Heat",
            "year": 1995,
            "tmdb_id": 949,
            "playback_session_id": .string(session),
            "event_id": .string(event),
            "event_created_at": .integer(baseTime + offset),
            "progress": 0.1,
            "position_seconds": 600,
            "duration_seconds": 10_200,
            "device_id": "device-1",
            "client_version": "punchplay-mpris/0.1.0",
        ]
        for (key, value) in extra {
            fields[key] = value
        }
        for key in removing {
            fields[key] = nil
        }
        return .object(fields)
    }
}
