import Foundation
import Logging

/// Turns one log record into one line: `<6>label: message key=value` for the journal, or
/// `2026-11-29T10:00:00.123+01:00 info label: message key=value` for a terminal. Control characters (a player
/// can put anything in a title) are escaped so one record is always exactly one line.
public struct LogLineFormatter: Sendable {
    public var format: LogFormat
    public var timeZone: TimeZone

    public init(format: LogFormat, timeZone: TimeZone = .current) {
        self.format = format
        self.timeZone = timeZone
    }

    /// The line for a record; `metadata` is written sorted by key.
    public func line(
        level: Logger.Level,
        label: String,
        message: String,
        metadata: Logger.Metadata,
        date: Date
    ) -> String {
        var line: String
        switch format {
        case .journal:
            line = "<\(Self.syslogPriority(level))>"
        case .terminal:
            let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: timeZone)
            line = date.formatted(style) + " " + level.rawValue + " "
        }
        line += label + ": " + Self.escapingControlCharacters(message)
        for key in metadata.keys.sorted() {
            line += " " + key + "=" + Self.render(metadata[key]!)
        }
        return line
    }

    /// The syslog priority (`sd-daemon(3)`) journald reads from a `<N>` line prefix.
    public static func syslogPriority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    private static func render(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text):
            quotedIfNeeded(text)
        case .stringConvertible(let convertible):
            quotedIfNeeded(convertible.description)
        case .dictionary(let dictionary):
            "{" + dictionary.keys.sorted().map { "\($0)=\(render(dictionary[$0]!))" }.joined(separator: ", ") + "}"
        case .array(let values):
            "[" + values.map(render).joined(separator: ", ") + "]"
        }
    }

    private static func quotedIfNeeded(_ text: String) -> String {
        let escaped = escapingControlCharacters(text)
        let needsQuotes = text.isEmpty || text.contains { $0.isWhitespace || $0 == "\"" || $0 == "=" }
        guard needsQuotes else { return escaped }
        return "\"" + escaped.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.properties.generalCategory == .control:
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
