import MediaIdentity
import PropertyBased
import Testing

/// Properties over the name families of old collections and download folders (issue 15): relative paths,
/// zero-padded and packed episode numbers, markers split by hyphens, spelled seasons, frame sizes and
/// library-sorted articles. Each generates many names of one shape and checks the numbers put in come back out.
@Suite("Generated names of download folders and old collections")
struct NameFamilyPropertyTests {
    typealias Names = ReleaseNamePropertyTests

    static let title = Gen<String?>.element(of: Names.words).map { $0 ?? "" }.array(of: 1...4)
    static let sceneTags = Gen<String?>.element(of: ["PDTV-FlexGet", "HDTV.XviD-LOL", "DVDRip.XviD-EPZ", "WEB-DL"])
        .map { $0 ?? "HDTV" }

    @Test("Relative paths: folders give context and never stay in the title")
    func relativePaths() async {
        let roots = Gen<String?>.element(of: ["Movies/", "", "Films/", "Downloads/Movies/"]).map { $0 ?? "" }
        await propertyCheck(count: 200, input: Self.title, Gen.int(in: 1920...2035), roots) { words, year, root in
            let spaced = words.joined(separator: " ")
            let name =
                "\(root)\(spaced) (\(year))/"
                + (words + ["\(year)", "720p", "BluRay", "x264-GRP"])
                .joined(separator: ".") + ".mkv"
            let item = Names.media(MediaHints(title: name))
            #expect(item?.mediaType == .movie, "\(name)")
            #expect(item?.title == spaced, "\(name)")
            #expect(item?.year == year, "\(name)")
        }
    }

    /// Only numbers written with a leading zero: `Apollo.13.720p` is a film, so a bare `13` is not an episode.
    @Test("Zero-padded episode numbers after the title: Title.07.PDTV-GROUP and Title.07.Episode.Title")
    func paddedEpisodes() async {
        await propertyCheck(count: 300, input: Self.title, Gen.int(in: 1...9), Self.sceneTags, Gen.bool()) {
            words, episode, tags, withEpisodeTitle in
            let middle = withEpisodeTitle ? ["Down", "Street"] : []
            let name = (words + [Names.padded(episode)] + middle + [tags]).joined(separator: ".") + ".avi"
            let item = Names.media(MediaHints(title: name))
            #expect(item?.mediaType == .episode, "\(name)")
            #expect(item?.title == words.joined(separator: " "), "\(name)")
            #expect(item?.season == nil, "\(name)")
            #expect(item?.episode == episode, "\(name)")
        }
    }

    @Test("Packed season and episode with a leading zero: Title.0307.PDTV-GROUP")
    func packedNumbers() async {
        await propertyCheck(count: 300, input: Self.title, Gen.int(in: 1...9), Gen.int(in: 1...99), Self.sceneTags) {
            words, season, episode, tags in
            let name = (words + ["0\(season)\(Names.padded(episode))", tags]).joined(separator: ".")
            let item = Names.media(MediaHints(title: name))
            #expect(item?.title == words.joined(separator: " "), "\(name)")
            #expect(item?.season == season, "\(name)")
            #expect(item?.episode == episode, "\(name)")
        }
    }

    @Test("Markers split by hyphens or an x: Title-s03-e01, Title - S06xE01, Title-e01-Episode")
    func separatedMarkers() async {
        await propertyCheck(count: 300, input: Self.title, Gen.int(in: 1...30), Gen.int(in: 1...99), Gen.int(in: 0...2))
        {
            words, season, episode, style in
            let (marker, expectedSeason): (String, Int?) =
                switch style {
                case 0: ("-s\(Names.padded(season))-e\(Names.padded(episode))", season)
                case 1: (" - S\(Names.padded(season))xE\(Names.padded(episode))", season)
                default: ("-e\(Names.padded(episode))-Currahee", nil)
                }
            let name = words.joined(separator: "_") + marker + ".mkv"
            let item = Names.media(MediaHints(title: name))
            #expect(item?.mediaType == .episode, "\(name)")
            #expect(item?.title == words.joined(separator: " "), "\(name)")
            #expect(item?.season == expectedSeason, "\(name)")
            #expect(item?.episode == episode, "\(name)")
        }
    }

    @Test("Seasons in Roman numerals and words: Title Saison VII, Title Livre V - Ep 23")
    func spelledSeasons() async {
        let word = Gen<String?>.element(of: ["Saison", "Season", "Livre"]).map { $0 ?? "Season" }
        await propertyCheck(count: 300, input: Self.title, Gen.int(in: 1...39), word, Gen.int(in: 1...99)) {
            words, season, seasonWord, episode in
            let name = words.joined(separator: " ") + " - \(seasonWord) \(Self.roman(season)) - Ep \(episode).avi"
            let item = Names.media(MediaHints(title: name))
            #expect(item?.title == words.joined(separator: " "), "\(name)")
            #expect(item?.season == season, "\(name)")
            #expect(item?.episode == episode, "\(name)")
        }
    }

    @Test("Fansub names: [Group] 01 - Title [tags] and [Group] Title 603 VOSTFR (960x544)")
    func fansubNumbers() async {
        let sizes = zip(Gen.int(in: 320...3840), Gen.int(in: 240...2160))
        await propertyCheck(count: 300, input: Self.title, Gen.int(in: 1...999), sizes, Gen.bool()) {
            words, episode, size, leading in
            let spaced = words.joined(separator: " ")
            let name =
                leading
                ? "[DeadFish] \(Names.padded(episode)) - \(spaced) [BD][720p][AAC].mp4"
                : "[Some-Fansub] \(spaced) \(episode) VOSTFR (\(size.0)x\(size.1)).mp4"
            let item = Names.media(MediaHints(title: name))
            #expect(item?.mediaType == .episode, "\(name)")
            #expect(item?.title == spaced, "\(name)")
            #expect(item?.episode == episode, "\(name)")
        }
    }

    @Test("Library-sorted titles: Words, The.S01E02 reads The Words")
    func sortedArticles() async {
        let article = Gen<String?>.element(of: ["The", "A", "An"]).map { $0 ?? "The" }
        await propertyCheck(count: 200, input: Self.title, article, Gen.int(in: 1...20), Gen.int(in: 1...30)) {
            words, article, season, episode in
            let name =
                words.joined(separator: ".") + ",.\(article).S\(Names.padded(season))E\(Names.padded(episode)).avi"
            let item = Names.media(MediaHints(title: name))
            #expect(item?.title == ([article] + words).joined(separator: " "), "\(name)")
            #expect(item?.season == season, "\(name)")
            #expect(item?.episode == episode, "\(name)")
        }
    }

    /// The canonical Roman numeral of 1...39.
    private static func roman(_ value: Int) -> String {
        let units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
        return String(repeating: "X", count: value / 10) + units[value % 10]
    }
}
