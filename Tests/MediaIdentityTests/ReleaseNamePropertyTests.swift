import MediaIdentity
import PropertyBased
import Testing

/// Properties over generated release names: whatever the title words, separators and release tags, the title,
/// year, season and episode put into a name come back out.
@Suite("Generated release names round-trip")
struct ReleaseNamePropertyTests {
    static let words = [
        "The", "Lost", "River", "Night", "Garden", "Crown", "Empire", "Silent", "House", "of", "Dragon", "Winter",
        "Blue", "Station", "Eleven", "Mirror", "Stranger", "Ocean", "Kingdom", "Shadow", "Last", "Man", "Earth",
        "Ghost", "Harbor", "Wolf", "Iron", "Golden", "Storm", "Little", "Fire", "Hollow", "Brave", "Queen",
    ]
    static let tags = [
        "1080p", "720p", "2160p", "BluRay", "WEB-DL", "WEBRip", "HDTV", "x264", "x265", "HEVC", "DDP5.1", "AAC",
        "HDR", "REPACK", "PROPER", "10bit", "NF", "AMZN", "DTS-HD.MA.5.1", "Atmos", "H.264",
    ]

    static let title = Gen<String?>.element(of: words).map { $0 ?? "" }.array(of: 1...5)
    static let tagList = Gen<String?>.element(of: tags).map { $0 ?? "" }.array(of: 1...5)
    static let separator = Gen<String?>.element(of: [".", " ", "_"]).map { $0 ?? "." }

    @Test("Scene episodes: Title.S01E02.tags-GROUP")
    func sceneEpisodes() async {
        let numbers = zip(Gen.int(in: 0...40), Gen.int(in: 1...120))
        await propertyCheck(count: 300, input: Self.title, numbers, Self.tagList, Self.separator) {
            words, numbers, tags, separator in
            let (season, episode) = numbers
            let marker = "S\(Self.padded(season))E\(Self.padded(episode))"
            let name = (words + [marker] + tags).joined(separator: separator) + "-GROUP.mkv"
            let item = Self.media(MediaHints(title: name))
            #expect(item?.mediaType == .episode, "\(name)")
            #expect(item?.title == words.joined(separator: " "), "\(name)")
            #expect(item?.season == season, "\(name)")
            #expect(item?.episode == episode, "\(name)")
        }
    }

    @Test("Every marker spelling, with or without a show year and multi-episode ranges")
    func markerSpellings() async {
        let numbers = zip(Gen.int(in: 1...30), Gen.int(in: 1...98), Gen.int(in: 0...7))
        let showYear = Gen.int(in: 1950...2030).optional(valueRate: 0.3)
        await propertyCheck(count: 400, input: Self.title, numbers, showYear, Self.separator) {
            words, numbers, year, separator in
            let (season, episode, style) = numbers
            let (marker, end) = Self.marker(style: style, season: season, episode: episode)
            let name =
                (words + (year.map { ["\($0)"] } ?? []) + [marker, "720p", "HDTV", "x264"])
                .joined(separator: separator) + ".mkv"
            let item = Self.media(MediaHints(title: name))
            #expect(item?.title == words.joined(separator: " "), "\(name)")
            #expect(item?.year == year, "\(name)")
            #expect(item?.season == season, "\(name)")
            #expect(item?.episode == episode, "\(name)")
            #expect(item?.episodeEnd == end, "\(name)")
        }
    }

    /// One of the spellings of season and episode numbering, and the last episode it names when it is a range.
    private static func marker(style: Int, season: Int, episode: Int) -> (String, Int?) {
        switch style {
        case 0: ("S\(padded(season))E\(padded(episode))", nil)
        case 1: ("s\(season)e\(episode)", nil)
        case 2: ("\(season)x\(padded(episode))", nil)
        case 3: ("S\(padded(season))E\(padded(episode))E\(padded(episode + 1))", episode + 1)
        case 4: ("S\(padded(season))E\(padded(episode))-E\(padded(episode + 1))", episode + 1)
        case 5: ("\(season)x\(padded(episode))-\(padded(episode + 1))", episode + 1)
        case 6: ("S\(padded(season))-E\(padded(episode))", nil)
        default: ("S\(padded(season))E\(padded(episode))-\(padded(episode + 1))", episode + 1)
        }
    }

    @Test("Movies: Title.Year.tags and Title (Year) [tags]")
    func movies() async {
        await propertyCheck(count: 300, input: Self.title, Gen.int(in: 1920...2035), Self.tagList, Gen.bool()) {
            words, year, tags, parenthesised in
            let name =
                parenthesised
                ? words.joined(separator: " ") + " (\(year)) [" + tags.joined(separator: " ") + "].mkv"
                : (words + ["\(year)"] + tags).joined(separator: ".") + "-GROUP.mkv"
            let item = Self.media(MediaHints(title: name))
            #expect(item?.mediaType == .movie, "\(name)")
            #expect(item?.title == words.joined(separator: " "), "\(name)")
            #expect(item?.year == year, "\(name)")
        }
    }

    @Test("Fansub episodes: [Group] Title - 07 [1080p][CRC]")
    func fansubEpisodes() async {
        await propertyCheck(count: 300, input: Self.title, Gen.int(in: 1...1500)) { words, episode in
            let name = "[Group] " + words.joined(separator: " ") + " - \(Self.padded(episode)) [1080p][ABCD1234].mkv"
            let item = Self.media(MediaHints(title: name))
            #expect(item?.mediaType == .episode, "\(name)")
            #expect(item?.title == words.joined(separator: " "), "\(name)")
            #expect(item?.episode == episode, "\(name)")
            #expect(item?.anime == true, "\(name)")
        }
    }

    @Test("Season folders: Show/Season N/NN - Episode Title.mkv as a file:// URL")
    func seasonFolders() async {
        await propertyCheck(count: 200, input: Self.title, Self.title, Gen.int(in: 1...30), Gen.int(in: 1...99)) {
            show, episodeTitle, season, episode in
            let path =
                "/tv/" + show.joined(separator: " ") + "/Season \(season)/" + Self.padded(episode) + " - "
                + episodeTitle.joined(separator: " ") + ".mkv"
            let url = "file://" + path.replacingSpaces()
            let item = Self.media(MediaHints(url: url))
            #expect(item?.title == show.joined(separator: " "), "\(url)")
            #expect(item?.season == season, "\(url)")
            #expect(item?.episode == episode, "\(url)")
            #expect(item?.episodeTitle == episodeTitle.joined(separator: " "), "\(url)")
        }
    }

    static func padded(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    static func media(_ hints: MediaHints) -> Identification? {
        guard case .media(let item) = MediaIdentifier.identify(hints) else { return nil }
        return item
    }
}

extension String {
    /// Spaces percent-encoded, as players write `file://` URLs.
    fileprivate func replacingSpaces() -> String {
        split(separator: " ", omittingEmptySubsequences: false).joined(separator: "%20")
    }
}
