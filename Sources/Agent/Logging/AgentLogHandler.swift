import Foundation
import Logging

/// The agent's swift-log handler: merges metadata, masks secrets (`SecretRedactor`), formats the line for the
/// journal or a terminal (`LogLineFormatter`) and hands it to a `LogSink`.
///
/// Its level follows a shared `LogLevelControl`, so a configuration reload changes every logger at once,
/// unless a `Logger`'s level was set explicitly.
public struct AgentLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    private let label: String
    private let formatter: LogLineFormatter
    private let sink: any LogSink
    private let levelControl: LogLevelControl
    private let now: @Sendable () -> Date
    private var explicitLevel: Logger.Level?

    public init(
        label: String,
        formatter: LogLineFormatter,
        sink: any LogSink,
        levelControl: LogLevelControl,
        metadataProvider: Logger.MetadataProvider? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.label = label
        self.formatter = formatter
        self.sink = sink
        self.levelControl = levelControl
        self.metadataProvider = metadataProvider
        self.now = now
    }

    public var logLevel: Logger.Level {
        get { explicitLevel ?? levelControl.level }
        set { explicitLevel = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() {
            merged.merge(provided) { _, new in new }
        }
        if let eventMetadata = event.metadata {
            merged.merge(eventMetadata) { _, new in new }
        }
        if let error = event.error {
            merged["error"] = .string("\(error)")
        }
        let line = formatter.line(
            level: event.level,
            label: label,
            message: SecretRedactor.redact(text: event.message.description),
            metadata: SecretRedactor.redact(merged),
            date: now()
        )
        sink.write(line: line)
    }
}
