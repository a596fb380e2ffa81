import Foundation
import PlaybackModel
import Testing

@testable import PunchPlay

@Suite("Playback write encoding (§4)")
struct PlaybackEncodingTests {
    private func encodedFields(_ payload: PlaybackPayload) throws -> [String: Any] {
        let data = APIRequestBody.json(encoding: payload.clampedForWire).bytes
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func payload(progress: Double?) -> PlaybackPayload {
        var payload = PlaybackPayload(
            mediaType: "episode",
            title: "Show",
            playbackSessionID: "session-1",
            eventID: "event-1",
            eventCreatedAt: 1_767_225_600_123
        )
        payload.progress = progress
        payload.season = 2
        payload.episode = 3
        payload.positionSeconds = 61
        payload.durationSeconds = 1_200
        payload.rawFilename = "Show.S02E03.mkv"
        return payload
    }

    @Test("Fields are snake_case, timestamps in milliseconds, nil fields left out")
    func fieldNames() throws {
        let fields = try encodedFields(payload(progress: 0.25))
        #expect(fields["media_type"] as? String == "episode")
        #expect(fields["playback_session_id"] as? String == "session-1")
        #expect(fields["event_id"] as? String == "event-1")
        #expect((fields["event_created_at"] as? NSNumber)?.int64Value == 1_767_225_600_123)
        #expect((fields["progress"] as? NSNumber)?.doubleValue == 0.25)
        #expect((fields["position_seconds"] as? NSNumber)?.intValue == 61)
        #expect(fields["raw_filename"] as? String == "Show.S02E03.mkv")
        #expect(fields["year"] == nil)
        #expect(fields["watched"] == nil)
    }

    @Test(
        "Progress is clamped to a fraction 0...1",
        arguments: [(-0.5, 0.0), (0.0, 0.0), (0.5, 0.5), (1.0, 1.0), (1.7, 1.0), (.infinity, 1.0)]
    )
    func clamped(input: Double, expected: Double) throws {
        let fields = try encodedFields(payload(progress: input))
        #expect((fields["progress"] as? NSNumber)?.doubleValue == expected)
    }

    @Test("A NaN progress is left out rather than failing the encoding")
    func notANumber() throws {
        let fields = try encodedFields(payload(progress: .nan))
        #expect(fields["progress"] == nil)
    }

    @Test("The receipt tolerates ignored as string, boolean or absent")
    func receiptDecoding() throws {
        let withReason = #"{"ok":true,"deduped":false,"ignored":"after_stop","tmdb_id":1399,"season":2}"#
        let receipt = try JSONDecoder().decode(PlaybackReceiptWire.self, from: Data(withReason.utf8)).receipt
        #expect(receipt.ignored == "after_stop")
        #expect(receipt.tmdbID == 1399)
        #expect(receipt.season == 2)
        let flagged = #"{"ok":true,"deduped":true,"ignored":false}"#
        let second = try JSONDecoder().decode(PlaybackReceiptWire.self, from: Data(flagged.utf8)).receipt
        #expect(second.ignored == nil)
        #expect(second.deduped)
    }
}
