import Foundation
import PlaybackModel
import PunchPlay
import PunchPlaySandbox
import PunchPlayTestSupport
import Testing

@Suite("Reads against the sandbox (§3, §5)")
struct ReadTests {
    @Test("/me, an idle now-playing, then the started item in now-playing and in-progress")
    func reads() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn()
            let account = try await harness.client.me()
            #expect(account.username == SandboxUser.preset.username)
            #expect(account.missingScopes.isEmpty)
            #expect(try await harness.client.nowPlaying() == nil)
            #expect(try await harness.client.inProgress().isEmpty)
            var payload = PlaybackPayload(
                mediaType: "movie",
                title: "Arrival",
                playbackSessionID: "s1",
                eventID: "e1",
                eventCreatedAt: 1_767_225_600_000
            )
            payload.progress = 0.5
            payload.durationSeconds = 6_960
            _ = try await harness.client.send(PlaybackEvent(action: .start, payload: payload))
            let playing = try #require(try await harness.client.nowPlaying())
            #expect(playing.title == "Arrival")
            #expect(playing.nowPlaying == true)
            let items = try await harness.client.inProgress()
            #expect(items.map(\.title) == ["Arrival"])
        }
    }
}
