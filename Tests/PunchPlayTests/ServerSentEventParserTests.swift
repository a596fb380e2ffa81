import Testing

@testable import PunchPlay

@Suite("Server-sent event parsing")
struct ServerSentEventParserTests {
    @Test("Named events, multi-line data, comments and CRLF")
    func events() throws {
        var parser = ServerSentEventParser()
        let text =
            ": keep-alive\r\nevent: ready\r\ndata: {\"connectedAt\":\"2026-01-01T00:00:00Z\"}\r\n\r\n"
            + "event: playback-update\ndata: {\"sequence\":1,\ndata: \"userId\":\"u\"}\n\ndata: plain\n\n"
        let events = try parser.consume(Array(text.utf8))
        #expect(
            events == [
                .init(name: "ready", data: #"{"connectedAt":"2026-01-01T00:00:00Z"}"#),
                .init(name: "playback-update", data: "{\"sequence\":1,\n\"userId\":\"u\"}"),
                .init(name: "message", data: "plain"),
            ]
        )
    }

    @Test("An event split across chunks is assembled")
    func chunked() throws {
        var parser = ServerSentEventParser()
        #expect(try parser.consume(Array("event: rea".utf8)).isEmpty)
        #expect(try parser.consume(Array("dy\ndata: {}\r".utf8)).isEmpty)
        #expect(try parser.consume(Array("\n\r\n".utf8)) == [.init(name: "ready", data: "{}")])
    }

    @Test("A line without end is refused once it passes the cap")
    func overflow() {
        var parser = ServerSentEventParser()
        let huge = [UInt8](repeating: UInt8(ascii: "x"), count: ServerSentEventParser.maximumLineBytes + 1)
        #expect(throws: ServerSentEventParser.Overflow.self) { try parser.consume(huge) }
    }
}
