import Foundation
import Testing

@testable import PunchPlaySandbox

@Suite("Playback events: dedupe, sessions, watches and the materialised state")
struct PlaybackTests {
    @Test("an accepted start answers the canonical ids and shows up as now playing")
    func startAndNowPlaying() async throws {
        try await withSandbox { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            let response = try await client.post("playback/start", Fixtures.playback(event: "e1"), token: token)
            #expect(response.status == 200)
            let json = try #require(response.json)
            #expect(json["ok"]?.bool == true)
            #expect(json["deduped"]?.bool == false)
            #expect(json["ignored"] == .null)
            #expect(json["tmdb_id"]?.integer == 949)
            #expect(json["punchplay_id"]?.string?.hasPrefix("pp_") == true)
            let nowPlaying = try #require(try await client.get("playback/now-playing", token: token).json)
            #expect(nowPlaying["type"]?.string == "movie")
            #expect(nowPlaying["title"]?.string == "Heat")
            #expect(nowPlaying["tmdbId"]?.integer == 949)
            #expect(nowPlaying["progressPercent"]?.double == 10)
            #expect(nowPlaying["progressSeconds"]?.integer == 600)
            #expect(nowPlaying["durationSeconds"]?.integer == 10_200)
            #expect(nowPlaying["nowPlaying"]?.bool == true)
            #expect(nowPlaying["playbackState"]?.string == "playing")
            #expect(nowPlaying["mediaSource"]?.string == SandboxApp.agent.name)
        }
    }

    @Test("a repeated event_id is answered deduped and applied once")
    func dedupe() async throws {
        try await withSandbox { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            let event = Fixtures.playback(event: "e1")
            _ = try await client.post("playback/start", event, token: token)
            let again = try await client.post("playback/start", event, token: token)
            #expect(again.status == 200)
            #expect(again.json?["deduped"]?.bool == true)
            #expect(await sandbox.acceptedEvents().map(\.eventID) == ["e1"])
        }
    }

    @Test("pause, resume and progress of a never-started session are 409")
    func neverStarted() async throws {
        try await withSandbox { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            for action in ["pause", "resume", "progress", "stop"] {
                let response = try await client.post(
                    "playback/\(action)", Fixtures.playback(event: action), token: token)
                #expect(response.status == 409, "\(action)")
            }
            #expect(await sandbox.acceptedEvents().isEmpty)
        }
    }

    @Test("events after the stop are ignored with a reason")
    func ignoredAfterStop() async throws {
        try await withSandbox { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            _ = try await client.post("playback/start", Fixtures.playback(event: "e1"), token: token)
            _ = try await client.post("playback/stop", Fixtures.playback(event: "e2", at: 10), token: token)
            let late = try await client.post("playback/progress", Fixtures.playback(event: "e3", at: 20), token: token)
            #expect(late.status == 200)
            #expect(late.json?["ignored"]?.string == "session_stopped")
            let restart = try await client.post("playback/start", Fixtures.playback(event: "e4", at: 30), token: token)
            #expect(restart.json?["ignored"]?.string == "session_stopped")
            let now = try #require(try await client.get("playback/now-playing", token: token).json)
            #expect(now["nowPlaying"]?.bool == false)
            #expect(now["playbackState"]?.string == "idle")
        }
    }

    @Test("events with a non-increasing event_created_at are ignored as stale")
    func staleTimestamps() async throws {
        try await withSandbox { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            _ = try await client.post("playback/start", Fixtures.playback(event: "e1", at: 100), token: token)
            let same = try await client.post("playback/pause", Fixtures.playback(event: "e2", at: 100), token: token)
            #expect(same.json?["ignored"]?.string == "stale_event")
            let older = try await client.post("playback/pause", Fixtures.playback(event: "e3", at: 50), token: token)
            #expect(older.json?["ignored"]?.string == "stale_event")
            let now = try await client.get("playback/now-playing", token: token)
            #expect(now.json?["playbackState"]?.string == "playing")
            let newer = try await client.post("playback/pause", Fixtures.playback(event: "e4", at: 200), token: token)
            #expect(newer.json?["ignored"] == .null)
            #expect(
                try await client.get("playback/now-playing", token: token).json?["playbackState"]?.string == "paused")
        }
    }

    @Test(
        "a stop records a watch when watched is true or progress reaches the threshold",
        arguments: [
            (["watched": true, "progress": 0.5], true, false),
            (["progress": 0.95], true, true),
            (["progress": 0.6, "watched_threshold": 0.5], true, true),
            (["progress": 0.85], false, false),
            (["progress": 0.95, "watched": false], false, false),
        ] as [([String: JSONValue], Bool, Bool)]
    )
    func watches(stop: [String: JSONValue], recorded: Bool, derived: Bool) async throws {
        try await withSandbox { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            _ = try await client.post("playback/start", Fixtures.playback(event: "e1"), token: token)
            let response = try await client.post(
                "playback/stop", Fixtures.playback(event: "e2", at: 1, extra: stop), token: token)
            #expect(response.status == 200)
            let watches = await sandbox.watchHistory()
            #expect(watches.count == (recorded ? 1 : 0))
            if recorded {
                #expect(watches.first?.derivedFromProgress == derived)
                #expect(watches.first?.title == "Heat")
            }
            let inProgress = try #require(try await client.get("playback/in-progress", token: token).json)
            #expect(inProgress["items"]?.array?.count == (recorded ? 0 : 1))
        }
    }

    @Test("in-progress lists active and resumable items in the camelCase family")
    func inProgress() async throws {
        try await withSandbox { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            let episode = Fixtures.playback(
                session: "s-episode",
                event: "e1",
                extra: [
                    "media_type": "episode", "title": "Severance", "season": 2, "episode": 3,
                    "episode_title": "Who Is Alive?", "tvdb_id": 371_980,
                ]
            )
            _ = try await client.post("playback/start", episode, token: token)
            let items = try #require(try await client.get("playback/in-progress", token: token).json?["items"]?.array)
            #expect(items.count == 1)
            let item = try #require(items.first)
            #expect(item["id"]?.string == "s-episode")
            #expect(item["showTitle"]?.string == "Severance")
            #expect(item["episodeTitle"]?.string == "Who Is Alive?")
            #expect(item["season"]?.integer == 2)
            #expect(item["episode"]?.integer == 3)
            #expect(item["updatedAt"]?.string?.contains("T") == true)
        }
    }

    @Test("an unknown action is 404")
    func unknownAction() async throws {
        try await withSandbox { sandbox, client in
            let token = try await sandbox.issueTokens().accessToken
            let response = try await client.post("playback/scrobble", Fixtures.playback(event: "e1"), token: token)
            #expect(response.status == 404)
            #expect(response.errorCode == "not_found")
        }
    }
}
