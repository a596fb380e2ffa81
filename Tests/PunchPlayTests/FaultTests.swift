import Foundation
import InMemoryLogging
import PlaybackModel
import PunchPlay
import PunchPlaySandbox
import PunchPlayTestSupport
import Testing

@Suite("A broken server gets clear errors, never a crash (§6)")
struct FaultTests {
    @Test("A server that never answers times out as a transient error")
    func hang() async throws {
        try await SandboxHarness.run(requestTimeout: .seconds(1)) { harness in
            try await harness.logIn()
            await harness.sandbox.inject(.hang(pathPrefix: "/api/platform/v1/me"))
            await #expect {
                try await harness.client.me()
            } throws: { error in
                guard let error = error as? PunchPlayError else { return false }
                return error.status == nil && error.retryClass == .transient && error.message.contains("no answer")
            }
            #expect(try await harness.client.me().username == SandboxUser.preset.username)
        }
    }

    @Test("A dropped connection is a transient network error")
    func dropped() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn()
            await harness.sandbox.inject(.dropConnection(pathPrefix: "/api/platform/v1/me"))
            await #expect {
                try await harness.client.me()
            } throws: { error in
                (error as? PunchPlayError)?.retryClass == .transient
            }
        }
    }

    @Test(
        "Garbage bodies give a clear, transient error",
        arguments: [
            (SandboxFault.notJSON(pathPrefix: "/api/platform/v1/me"), "not valid JSON"),
            (SandboxFault.wrongTypes(pathPrefix: "/api/platform/v1/me"), "wrong type"),
            (SandboxFault.hugeBody(pathPrefix: "/api/platform/v1/me"), "larger than"),
        ]
    )
    func garbage(fault: SandboxFault, expected: String) async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn()
            await harness.sandbox.inject(fault)
            await #expect {
                try await harness.client.me()
            } throws: { error in
                guard let error = error as? PunchPlayError else { return false }
                return error.message.contains(expected) && error.retryClass == .transient && error.status == 200
            }
        }
    }

    @Test("A 10 MB answer to a playback write is refused without reading it all")
    func hugePlaybackAnswer() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn()
            await harness.sandbox.inject(.hugeBody(pathPrefix: "/api/platform/v1/playback"))
            let payload = PlaybackPayload(
                mediaType: "movie",
                title: "Arrival",
                playbackSessionID: "s",
                eventID: "e",
                eventCreatedAt: 1_767_225_600_000
            )
            await #expect {
                try await harness.client.send(PlaybackEvent(action: .start, payload: payload))
            } throws: { error in
                (error as? PunchPlayError)?.message.contains("larger than") == true
            }
        }
    }

    @Test("A 5xx carries the request id, and the failure's log line does too")
    func requestIDInLogs() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn()
            await harness.sandbox.inject(.status(502, pathPrefix: "/api/platform/v1/playback/now-playing"))
            var thrown: PunchPlayError?
            do {
                _ = try await harness.client.nowPlaying()
            } catch let error as PunchPlayError {
                thrown = error
            }
            let error = try #require(thrown)
            let recorded = try #require(await harness.requests("/playback/now-playing").first)
            #expect(error.requestID == recorded.requestID)
            #expect(error.retryClass == .transient)
            let failureLines = harness.logs.entries.filter { $0.message.description == "PunchPlay request failed" }
            #expect(failureLines.count == 1)
            #expect(failureLines.first?.metadata["request_id"]?.description == recorded.requestID)
            #expect(failureLines.first?.metadata["endpoint"]?.description == "/api/platform/v1/playback/now-playing")
        }
    }
}
