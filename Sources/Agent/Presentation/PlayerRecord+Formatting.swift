import Foundation

extension PlayerRecord {
    /// The record as one line of JSON with sorted keys; absent fields are left out.
    public var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The record as one human-readable line: `event bus-name key=value ...`, absent fields left out.
    public var textLine: String {
        var fields: [String] = [event, busName]
        func add(_ key: String, _ value: String?) {
            if let value { fields.append("\(key)=\(Self.quotedIfNeeded(value))") }
        }
        add("identity", identity)
        add("status", status)
        add("title", title)
        add("url", url)
        add("length", length.map(Self.clock))
        add("position", position.map(Self.clock))
        add("rate", rate.flatMap { $0 == 1 ? nil : "\($0)" })
        add("mirror", isMirror == true ? "yes" : nil)
        return fields.joined(separator: " ")
    }

    /// `h:mm:ss.s` or `m:ss.s`.
    static func clock(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded())
        let (hours, minutes, rest) = (tenths / 36000, tenths / 600 % 60, tenths % 600)
        let secondsText = String(format: "%02d.%d", rest / 10, rest % 10)
        return hours > 0 ? "\(hours):\(String(format: "%02d", minutes)):\(secondsText)" : "\(minutes):\(secondsText)"
    }

    private static func quotedIfNeeded(_ value: String) -> String {
        value.contains(where: { $0 == " " || $0 == "\"" || $0.isNewline })
            ? "\"" + value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing("\n", with: "\\n")
                + "\"" : value
    }
}
