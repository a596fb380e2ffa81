import MediaIdentity
import PropertyBased
import Testing

/// No input crashes identification or makes it return an unusable result: random bytes and unicode, huge
/// strings, deep bracket nesting, every combination of title, URL and length.
@Suite("Identification never fails on hostile input")
struct PropertyTests {
    @Test("Random unicode titles and URLs")
    func randomUnicode() async {
        let scalars = Gen.int(in: 0...0x10FFFF).array(of: 0...300)
        await propertyCheck(count: 300, input: scalars, scalars) { titleScalars, urlScalars in
            let title = Self.text(titleScalars)
            let url = Self.text(urlScalars)
            assertUsable(MediaIdentifier.identify(MediaHints(title: title, url: url)))
            assertUsable(MediaIdentifier.identify(MediaHints(title: title)))
            assertUsable(MediaIdentifier.identify(MediaHints(url: "file:///" + url)))
        }
    }

    @Test("Random bytes decoded as UTF-8, with random lengths")
    func randomBytes() async {
        let bytes = Gen.int(in: 0...255).array(of: 0...400)
        let seconds = Gen.int(in: -10...100_000)
        await propertyCheck(count: 300, input: bytes, seconds) { bytes, seconds in
            let text = String(decoding: bytes.map { UInt8($0) }, as: UTF8.self)
            let hints = MediaHints(title: text, url: text, duration: .seconds(seconds))
            assertUsable(MediaIdentifier.identify(hints))
        }
    }

    @Test("Names built from release-name pieces in any order")
    func releaseNamePieces() async {
        let piece = Gen<String?>.element(of: Self.pieces).map { $0 ?? "" }
        let separator = Gen<String?>.element(of: Self.separators).map { $0 ?? "" }
        let name = zip(piece, separator).array(of: 0...40)
        await propertyCheck(count: 3000, input: name) { parts in
            let text = parts.map { $0.0 + $0.1 }.joined()
            assertUsable(MediaIdentifier.identify(MediaHints(title: text)))
            assertUsable(MediaIdentifier.identify(MediaHints(url: "file:///" + text)))
        }
    }

    @Test(
        "100 KB strings",
        arguments: [
            String(repeating: "a", count: 100_000),
            String(repeating: "The.Show.S01E01.", count: 6_250),
            String(repeating: "é", count: 50_000),
            String(repeating: "/", count: 100_000),
            String(repeating: "%", count: 100_000),
            String(repeating: "%E9", count: 33_334),
            String(repeating: "- 1 ", count: 25_000),
            String(repeating: "1", count: 100_000),
            String(repeating: "/Season 1", count: 11_112) + "/01.mkv",
        ])
    func hugeStrings(_ text: String) {
        assertUsable(MediaIdentifier.identify(MediaHints(title: text)))
        assertUsable(MediaIdentifier.identify(MediaHints(url: text)))
        assertUsable(MediaIdentifier.identify(MediaHints(url: "file:///" + text + ".mkv")))
        assertUsable(MediaIdentifier.identify(MediaHints(title: text, url: "file:///movies/" + text)))
    }

    @Test(
        "Deeply nested and unbalanced brackets",
        arguments: [
            String(repeating: "[", count: 50_000) + "Title" + String(repeating: "]", count: 50_000),
            String(repeating: "([{", count: 20_000),
            String(repeating: ")]}", count: 20_000) + "Title (1999)",
            String(repeating: "[a(b{c", count: 10_000) + " - 07",
        ])
    func nestedBrackets(_ text: String) {
        assertUsable(MediaIdentifier.identify(MediaHints(title: text)))
        assertUsable(MediaIdentifier.identify(MediaHints(url: "/" + text + ".mkv")))
    }

    /// Shapes the number rules look around: a tag, a number or a marker first, last or alone.
    @Test(
        "Names that start or end with their tags, numbers or markers",
        arguments: [
            "h265 - HEVC Riddick 1080p", "VOSTFR", "13 VOSTFR", "HDTV", "13.HDTV", "x02", "-x02", "f21-Title",
            "Title-f21", "Cap.408", "Temporada 4 Cap", "2014.208", "003-004.", "03-", "Season 2of5", "S01Extras",
            "Title S01Extras", "1940x01", "C:\\", "C:\\x.mkv", "03-29-2012", "Title - 07 VOSTFR",
        ])
    func edgeShapes(_ text: String) {
        assertUsable(MediaIdentifier.identify(MediaHints(title: text)))
        assertUsable(MediaIdentifier.identify(MediaHints(url: "/" + text + ".mkv")))
    }

    @Test("A huge title does not hide the identification of a good URL")
    func hugeTitleWithGoodURL() {
        let hints = MediaHints(
            title: String(repeating: "x", count: 100_000), url: "file:///tv/Show/Season%201/Show.S01E02.mkv")
        guard case .media(let item) = MediaIdentifier.identify(hints) else {
            Issue.record("expected an episode")
            return
        }
        #expect(item.title == "Show")
        #expect(item.season == 1)
        #expect(item.episode == 2)
    }

    /// Unicode scalar values to text; surrogate values (not scalars) become U+FFFD.
    private static func text(_ values: [Int]) -> String {
        String(String.UnicodeScalarView(values.map { Unicode.Scalar(UInt32($0)) ?? "\u{FFFD}" }))
    }

    static let separators = [".", " ", "_", " - ", "-", "/", "[", "]", "(", ")", "%20", "%"]

    static let pieces = [
        "The", "Show", "S01E02", "1x02", "E05", "Season", "2", "Episode", "1999", "2024", "05", "01", "1080p", "x264",
        "BluRay", "WEB-DL", "GROUP", "SubsPlease", "07", "v2", "ABCD1234", "tmdb-550", "imdbid-tt0137523", "CD1",
        "Part", "sample", "Trailer", "FRENCH", "US", "www", "com", "VIDEO_TS", "mkv", "mp3", "é", "進撃", "", "of", "1",
        "6", "aka", "2nd", "x", "E", "S", "VOSTFR", "HDTV", "h265", "x02", "f21", "Cap", "408", "Temporada", "ep13",
        "S07D1", "1940x01", "03-29-2012", "003-004", "2of5", "1&3", "S01Extras", "48fps", "Edition", "Collector",
        "160725_02", "C:\\", "srt", "nfo", "Livre", "VII", "003", "Test", "13",
    ]

    /// A result is usable when a media identification has a non-empty title, sane numbers and a confidence in
    /// 0...1, and a rejection has a reason.
    private func assertUsable(_ result: IdentificationResult) {
        switch result {
        case .media(let item):
            #expect(!item.title.isEmpty)
            #expect((0...1).contains(item.confidence))
            #expect(!item.reasons.isEmpty)
            #expect((item.episode ?? 0) >= 0 && (item.season ?? 0) >= 0)
            if let end = item.episodeEnd, let episode = item.episode { #expect(end > episode) }
            #expect(item.rawFilename.map { !$0.contains("/") } ?? true)
        case .notMedia(let reason, _):
            #expect(!reason.isEmpty)
        }
    }
}
