/// Splits a `text/event-stream` byte stream into events (the WHATWG "event stream interpretation"):
/// `event:` and `data:` fields, comments ignored, a blank line dispatches. Lines and events are capped so
/// a misbehaving server cannot grow memory without bound.
struct ServerSentEventParser: Sendable {
    /// One dispatched event.
    struct Event: Sendable, Hashable {
        var name: String
        var data: String
    }

    /// Why the stream is not an event stream any more.
    struct Overflow: Error, Sendable {}

    static let maximumLineBytes = 64 * 1024

    private var line: [UInt8] = []
    private var lastWasCarriageReturn = false
    private var eventName = ""
    private var dataLines: [String] = []
    private var dataBytes = 0

    /// Feeds bytes; returns the events they completed.
    mutating func consume(_ bytes: some Sequence<UInt8>) throws(Overflow) -> [Event] {
        var events: [Event] = []
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\n") where lastWasCarriageReturn:
                lastWasCarriageReturn = false
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                lastWasCarriageReturn = byte == UInt8(ascii: "\r")
                if let event = try finishLine() { events.append(event) }
            default:
                lastWasCarriageReturn = false
                line.append(byte)
                if line.count > Self.maximumLineBytes { throw Overflow() }
            }
        }
        return events
    }

    private mutating func finishLine() throws(Overflow) -> Event? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty { return dispatch() }
        if line.first == UInt8(ascii: ":") { return nil }
        let text = String(decoding: line, as: UTF8.self)
        let field: Substring
        var value: Substring
        if let colon = text.firstIndex(of: ":") {
            field = text[..<colon]
            value = text[text.index(after: colon)...]
            if value.first == " " { value = value.dropFirst() }
        } else {
            field = text[...]
            value = ""
        }
        switch field {
        case "event":
            eventName = String(value)
        case "data":
            dataBytes += value.utf8.count
            if dataBytes > Self.maximumLineBytes { throw Overflow() }
            dataLines.append(String(value))
        default:
            break
        }
        return nil
    }

    private mutating func dispatch() -> Event? {
        defer {
            eventName = ""
            dataLines = []
            dataBytes = 0
        }
        guard !dataLines.isEmpty else { return nil }
        return Event(name: eventName.isEmpty ? "message" : eventName, data: dataLines.joined(separator: "\n"))
    }
}
