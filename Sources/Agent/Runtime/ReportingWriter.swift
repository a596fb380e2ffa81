import Logging
import PlaybackModel
import PunchPlay

/// Wraps the real writer to log one concise line per event sent or failed — the normal mode's whole log
/// of deliveries. Titles are cut short; tokens never reach this layer.
public struct ReportingWriter: PlaybackWriting {
    private let writer: any PlaybackWriting
    private let logger: Logger

    public init(wrapping writer: any PlaybackWriting, logger: Logger) {
        self.writer = writer
        self.logger = logger
    }

    public func send(_ event: PlaybackEvent) async throws(PunchPlayError) -> PlaybackReceipt {
        let clock = ContinuousClock()
        let started = clock.now
        let summary = "\(event.action.rawValue) \"\((event.payload.title ?? "untitled").prefix(80))\""
        do {
            let receipt = try await writer.send(event)
            var metadata: Logger.Metadata = [
                "session": "\(event.payload.playbackSessionID)",
                "latency_ms": "\((clock.now - started) / .milliseconds(1))",
            ]
            if receipt.deduped { metadata["deduped"] = "true" }
            if let ignored = receipt.ignored { metadata["ignored"] = "\(ignored)" }
            logger.info("sent \(summary)", metadata: metadata)
            return receipt
        } catch {
            logger.warning(
                "sending \(summary) failed: \(error)",
                metadata: ["session": "\(event.payload.playbackSessionID)"]
            )
            throw error
        }
    }
}
