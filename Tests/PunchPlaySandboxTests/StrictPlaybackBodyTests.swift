import Foundation
import Testing

@testable import PunchPlaySandbox

@Suite("Strict playback bodies")
struct StrictPlaybackBodyTests {
    static let malformed: [(String, JSONValue)] = [
        ("title is a number", Fixtures.playback(event: "e", extra: ["title": 42])),
        ("title is empty", Fixtures.playback(event: "e", extra: ["title": ""])),
        (
            "title is 501 characters",
            Fixtures.playback(event: "e", extra: ["title": .string(String(repeating: "a", count: 501))])
        ),
        ("media_type is not movie or episode", Fixtures.playback(event: "e", extra: ["media_type": "show"])),
        ("media_type is missing", Fixtures.playback(event: "e", removing: ["media_type"])),
        ("progress is a percentage", Fixtures.playback(event: "e", extra: ["progress": 45])),
        ("progress is above 1", Fixtures.playback(event: "e", extra: ["progress": 1.2])),
        ("progress is negative", Fixtures.playback(event: "e", extra: ["progress": -0.1])),
        ("progress is a string", Fixtures.playback(event: "e", extra: ["progress": "0.5"])),
        ("event_created_at is in seconds", Fixtures.playback(event: "e", extra: ["event_created_at": 1_795_900_000])),
        (
            "event_created_at is fractional",
            Fixtures.playback(event: "e", extra: ["event_created_at": 1_795_900_000_000.5])
        ),
        (
            "event_created_at is an ISO string",
            Fixtures.playback(event: "e", extra: ["event_created_at": "2026-11-29T10:00:00Z"])
        ),
        ("event_created_at is missing", Fixtures.playback(event: "e", removing: ["event_created_at"])),
        ("playback_session_id is missing", Fixtures.playback(event: "e", removing: ["playback_session_id"])),
        ("event_id is missing", Fixtures.playback(event: "e", removing: ["event_id"])),
        ("event_id is a number", Fixtures.playback(event: "e", extra: ["event_id": 7])),
        ("tmdb_id is a string", Fixtures.playback(event: "e", extra: ["tmdb_id": "949"])),
        ("year is fractional", Fixtures.playback(event: "e", extra: ["year": 1995.5])),
        ("position_seconds is negative", Fixtures.playback(event: "e", extra: ["position_seconds": -1])),
        ("watched is a string", Fixtures.playback(event: "e", extra: ["watched": "true"])),
        ("watched is 1", Fixtures.playback(event: "e", extra: ["watched": 1])),
        ("imdb_id lacks tt", Fixtures.playback(event: "e", extra: ["imdb_id": "0113277"])),
        ("an unknown field", Fixtures.playback(event: "e", extra: ["percent": 10])),
        ("the body is an array", [Fixtures.playback(event: "e")]),
    ]

    @Test("each malformed body is 400 invalid_request and changes nothing", arguments: malformed)
    func rejected(_ name: String, body: JSONValue) async throws {
        try await withSandbox { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            let response = try await client.post("playback/start", body, token: token)
            #expect(response.status == 400, "\(name)")
            #expect(response.errorCode == "invalid_request", "\(name)")
            #expect(response.json?["message"]?.string?.isEmpty == false)
            #expect(await sandbox.acceptedEvents().isEmpty)
        }
    }

    @Test("a body that is not JSON, or not sent as JSON, is 400")
    func notJSON() async throws {
        try await withSandbox { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            let garbage = try await client.send(.POST, "playback/start", body: "{\"media_type\":", token: token)
            #expect(garbage.errorCode == "invalid_request")
            let form = try await client.send(
                .POST,
                "playback/start",
                body: String(decoding: Fixtures.playback(event: "e").encoded, as: UTF8.self),
                contentType: "application/x-www-form-urlencoded",
                token: token
            )
            #expect(form.errorCode == "invalid_request")
        }
    }

    @Test("the full field set of the contract is accepted, nulls as absent")
    func fullFieldSet() async throws {
        try await withSandbox { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            let body = Fixtures.playback(
                event: "e",
                extra: [
                    "media_type": "episode", "tvdb_id": 1, "imdb_id": "tt0113277", "punchplay_id": "pp_1",
                    "season": 1, "episode": 1, "episode_end": 2, "multi_episode": true, "absolute_episode": 1,
                    "anime": false, "episode_title": "Pilot", "watched": false, "watched_threshold": 0.9,
                    "raw_filename": "Show.S01E01E02.mkv", "year": nil, "progress": 0,
                ]
            )
            let response = try await client.post("playback/start", body, token: token)
            #expect(response.status == 200)
            #expect(response.json?["punchplay_id"]?.string == "pp_1")
            #expect(response.json?["episode_end"]?.integer == 2)
        }
    }
}
