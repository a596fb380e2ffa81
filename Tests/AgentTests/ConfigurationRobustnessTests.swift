import Testing

@testable import Agent

@Suite("Configuration parsing never crashes")
struct ConfigurationRobustnessTests {
    /// SplitMix64: a tiny deterministic generator, so every run mutates the same way.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments = [
        "[", "]", "[[", "]]", "\"", "'", "'''", "\"\"\"", "=", ".", "\n", "#", "{", "}", ",", "\\u", "\\", "1e400",
        "-0x", "0o", "inf", "nan", "1979-05-27T07:32:00Z", "07:32:00", " ", "\t", "\r", "a", "\"k\"", "true", "x=1",
    ]

    @Test("a thousand mutated example files give issues or a configuration, never a crash")
    func mutatedExamples() {
        var generator = SeededGenerator(state: 7)
        let original = Array(ExampleConfiguration.text.unicodeScalars)
        var rejected = 0
        for _ in 0..<1000 {
            var scalars = original
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let position = Int.random(in: 0..<scalars.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0:
                    scalars.remove(at: position)
                case 1:
                    let fragment = Self.fragments.randomElement(using: &generator)!
                    scalars.insert(contentsOf: fragment.unicodeScalars, at: position)
                default:
                    scalars[position] = Unicode.Scalar(UInt8.random(in: 32...126, using: &generator))
                }
            }
            var parser = ConfigurationFileParser(text: String(String.UnicodeScalarView(scalars)), file: "fuzz.toml")
            _ = parser.parseMainFile(hostName: "host")
            if !parser.issues.isEmpty { rejected += 1 }
            #expect(parser.issues.allSatisfy { $0.file == "fuzz.toml" })
        }
        #expect(rejected > 300)
    }

    @Test("random token soup gives issues or a configuration, never a crash")
    func tokenSoup() {
        var generator = SeededGenerator(state: 11)
        for _ in 0..<2000 {
            let count = Int.random(in: 1...30, using: &generator)
            let text = (0..<count).map { _ in Self.fragments.randomElement(using: &generator)! }.joined()
            var parser = ConfigurationFileParser(text: text, file: "soup.toml")
            _ = parser.parseMainFile(hostName: "host")
            #expect(parser.issues.allSatisfy { $0.file == "soup.toml" })
        }
    }

    @Test(
        "headers that abort TOMLKit's parser are rejected before it sees them",
        arguments: [
            "[[[a]]]", "[ ,]", "[ =", "[\n", "[[\n", "[#", "[[==", "x = 1\n[[ [a]]]",
        ])
    func parserAbortingHeaders(_ text: String) {
        var parser = ConfigurationFileParser(text: text, file: "bad.toml")
        _ = parser.parseMainFile(hostName: "host")
        #expect(
            parser.issues.map(\.description).allSatisfy {
                $0.hasSuffix("TOML syntax error: a table header must start with a key name, e.g. [players.mpv]")
            }
        )
        #expect(parser.issues.count == 1)
    }

    @Test(
        "pathological inputs are rejected with a message",
        arguments: [
            String(repeating: "[", count: 10_000),
            "a = " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000),
            "a = " + String(repeating: "{b=", count: 2000) + "1" + String(repeating: "}", count: 2000),
            "[log]\nlevel = \"" + String(repeating: "x", count: 200_000) + "\"",
            "[defaults]\nsettle_ms = 99999999999999999999999",
            "\u{FEFF}[log]\nlevel = 1",
        ])
    func pathological(_ text: String) {
        var parser = ConfigurationFileParser(text: text, file: "bad.toml")
        _ = parser.parseMainFile(hostName: "host")
        #expect(!parser.issues.isEmpty)
        #expect(parser.issues.allSatisfy { $0.description.count < 1000 })
    }
}
