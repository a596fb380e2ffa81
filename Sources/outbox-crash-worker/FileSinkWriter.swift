import Foundation
import PlaybackModel
import PunchPlay

/// A `PlaybackWriting` that stands in for the service in the crash loop: each accepted event is appended
/// as one line (`event_id`, session, `event_created_at`, action) to a file and flushed to disk before the
/// send returns, like a server that has recorded it. `failureRate` of the sends fail transiently first.
struct FileSinkWriter: PlaybackWriting {
    let path: String
    let failureRate: Double

    func send(_ event: PlaybackEvent) async throws(PunchPlayError) -> PlaybackReceipt {
        if Double.random(in: 0..<1) < failureRate {
            throw PunchPlayError(status: 503, code: "server_error", message: "injected failure", retryClass: .transient)
        }
        let payload = event.payload
        let line =
            "\(payload.eventID)\t\(payload.playbackSessionID)\t\(payload.eventCreatedAt)\t\(event.action.rawValue)\n"
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard descriptor >= 0 else {
            throw PunchPlayError(status: nil, message: "cannot open the sink \(path)", retryClass: .transient)
        }
        defer { close(descriptor) }
        let written = line.utf8CString.withUnsafeBufferPointer { buffer in
            write(descriptor, buffer.baseAddress, buffer.count - 1)
        }
        guard written == line.utf8.count, fsync(descriptor) == 0 else {
            throw PunchPlayError(status: nil, message: "cannot write the sink \(path)", retryClass: .transient)
        }
        return PlaybackReceipt(ok: true)
    }
}
