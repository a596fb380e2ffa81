import Testing

@testable import Agent

@Suite("Finding the line of a TOML key")
struct ConfigurationKeyLocatorTests {
    static let text = """
        # top comment
        title = "x"
        [punchplay]   # trailing comment
          client_id = "abc"
        "quoted key" = 1
        [players."VLC media player"]
        settle_ms = 5
        notes = \"\"\"
        fake = 1
        \"\"\"
        [[list]]
        a.b.c = 1
        [ players . mpv ]
        enabled = true
        """

    @Test("headers, indented, quoted and dotted keys are found; multi-line strings are skipped")
    func locatesKeys() {
        let locator = TOMLKeyLocator(text: Self.text)
        #expect(locator.line(of: ["title"]) == 2)
        #expect(locator.line(of: ["punchplay"]) == 3)
        #expect(locator.line(of: ["punchplay", "client_id"]) == 4)
        #expect(locator.line(of: ["punchplay", "quoted key"]) == 5)
        #expect(locator.line(of: ["players", "VLC media player"]) == 6)
        #expect(locator.line(of: ["players", "VLC media player", "settle_ms"]) == 7)
        #expect(locator.line(of: ["players", "VLC media player", "fake"]) == 6)
        #expect(locator.line(of: ["list", "a", "b", "c"]) == 12)
        #expect(locator.line(of: ["list", "a"]) == 12)
        #expect(locator.line(of: ["players", "mpv", "enabled"]) == 14)
        #expect(locator.line(of: ["missing"]) == nil)
    }

    @Test("a key inside an inline table gets the line of the enclosing key")
    func inlineTable() {
        let locator = TOMLKeyLocator(text: "[players]\nmpv = { enabled = true,\n  settle_ms = 1 }\n")
        #expect(locator.line(of: ["players", "mpv", "settle_ms"]) == 2)
    }
}
