import MediaIdentity
import PropertyBased
import Testing

/// `.nfo` sidecars handed in with the hints win over the name, and the identification says where each field
/// came from.
@Suite("Identification with .nfo sidecars and provenance")
struct SidecarIdentificationTests {
    static let avatarNFO = """
        <movie><title>Avatar</title><year>2009</year>
        <uniqueid type="tmdb">19995</uniqueid><uniqueid type="imdb">tt0499549</uniqueid></movie>
        """

    @Test("A movie.nfo's title, year and ids win over a misleading file name")
    func movieWins() throws {
        let item = try #require(
            Self.media(
                MediaHints(
                    url: "/movies/avtr/avtr.2009.extended.1080p.mkv", itemSidecar: Self.avatarNFO)))
        #expect(item.mediaType == .movie)
        #expect(item.title == "Avatar")
        #expect(item.year == 2009)
        #expect(item.tmdbID == 19995)
        #expect(item.imdbID == "tt0499549")
        #expect(item.sources.title == .nfo)
        #expect(item.sources.year == .nfo)
        #expect(item.sources.tmdbID == .nfo)
        #expect(item.sources.mediaType == .nfo)
        #expect(item.confidence >= 0.98)
        #expect(item.reasons.contains("movie .nfo sidecar"))
    }

    @Test("A movie sidecar turns a name that looks like an episode into the movie")
    func movieOverridesNumbering() throws {
        let item = try #require(
            Self.media(MediaHints(url: "/movies/Avatar/Avatar.S01E02.mkv", itemSidecar: Self.avatarNFO)))
        #expect(item.mediaType == .movie)
        #expect(item.season == nil)
        #expect(item.episode == nil)
        #expect(item.sources.season == nil)
    }

    @Test("An episode nfo and the show's tvshow.nfo: numbering from the one, show title, year and ids from the other")
    func episodeWithShow() throws {
        let episodeNFO = """
            <episodedetails><title>Ozymandias</title><showtitle>Breaking Bad</showtitle>
            <season>5</season><episode>14</episode><uniqueid type="tvdb">4634298</uniqueid></episodedetails>
            """
        let showNFO = """
            <tvshow><title>Breaking Bad</title><year>2008</year><uniqueid type="tvdb">81189</uniqueid>
            <uniqueid type="tmdb">1396</uniqueid></tvshow>
            """
        let item = try #require(
            Self.media(
                MediaHints(
                    url: "file:///tv/bb/Season%205/bb.514.mkv", itemSidecar: episodeNFO, showSidecar: showNFO)))
        #expect(item.mediaType == .episode)
        #expect(item.title == "Breaking Bad")
        #expect(item.year == 2008)
        #expect(item.season == 5)
        #expect(item.episode == 14)
        #expect(item.episodeTitle == "Ozymandias")
        #expect(item.tvdbID == 81189, "the episode's own tvdb id is not the show's")
        #expect(item.tmdbID == 1396)
        #expect(item.sources.title == .nfo)
        #expect(item.sources.episode == .nfo)
        #expect(item.sources.tvdbID == .nfo)
    }

    @Test("A tvshow.nfo alone names the show of a parsed episode; it leaves movies alone")
    func showOnly() throws {
        let showNFO = "<tvshow><title>The Office (US)</title><uniqueid type=\"tvdb\">73244</uniqueid></tvshow>"
        let episode = try #require(
            Self.media(MediaHints(url: "/tv/The Office/Season 4/The.Office.S04E01.mkv", showSidecar: showNFO)))
        #expect(episode.title == "The Office (US)")
        #expect(episode.season == 4)
        #expect(episode.episode == 1)
        #expect(episode.tvdbID == 73244)
        #expect(episode.sources.title == .nfo)
        #expect(episode.sources.episode == .name)
        let movie = try #require(Self.media(MediaHints(url: "/films/Heat (1995)/Heat.1995.mkv", showSidecar: showNFO)))
        #expect(movie.title == "Heat")
        #expect(movie.tvdbID == nil)
    }

    @Test("Broken, foreign and empty sidecars change nothing")
    func brokenSidecars() {
        let plain = MediaIdentifier.identify(MediaHints(url: "/films/Heat (1995)/Heat.1995.mkv"))
        for text in ["", "<movie>", "ASCII art by GRP", "<tvshow><title>Wrong kind</title></tvshow>"] {
            let result = MediaIdentifier.identify(
                MediaHints(url: "/films/Heat (1995)/Heat.1995.mkv", itemSidecar: text))
            #expect(result == plain, "\(text)")
        }
    }

    @Test("Sidecars never turn a rejected file (sample, extra, music) into media")
    func rejectionsStand() {
        for url in ["/films/Avatar (2009)/avatar-sample.mkv", "/films/Avatar (2009)/Trailers/trailer.mkv", "/m/a.flac"]
        {
            let result = MediaIdentifier.identify(MediaHints(url: url, itemSidecar: Self.avatarNFO))
            guard case .notMedia = result else {
                Issue.record("\(url) became \(result)")
                continue
            }
        }
    }

    @Test("Provenance without sidecars: name, folder, player title and length")
    func provenance() throws {
        let fromName = try #require(Self.media(MediaHints(title: "Show.S01E02.720p.HDTV.x264-GRP")))
        #expect(fromName.sources.title == .player)
        let file = try #require(Self.media(MediaHints(url: "/films/Heat.1995.1080p.mkv")))
        #expect(file.sources == FieldSources(mediaType: .name, title: .name, year: .name))
        let folders = try #require(
            Self.media(MediaHints(url: "/tv/Game of Thrones (2011) {tvdb-121361}/Season 01/Episode 03.mkv")))
        #expect(folders.sources.title == .folder)
        #expect(folders.sources.season == .folder)
        #expect(folders.sources.tvdbID == .folder)
        #expect(folders.sources.year == .folder)
        let player = try #require(
            Self.media(MediaHints(title: "Winter Is Coming", url: "/tv/Game of Thrones/Season 1/GoT.S01E01.mkv")))
        #expect(player.sources.episodeTitle == .player)
        #expect(player.sources.episode == .name)
        let sequel = try #require(
            Self.media(MediaHints(url: "/films/[Group] Some Story 2.mkv", duration: .seconds(100 * 60))))
        #expect(sequel.mediaType == .movie)
        #expect(sequel.sources.mediaType == .length)
    }

    static let words = ["Lost", "River", "Night", "Garden", "Crown", "Silent", "House", "Dragon", "Blue", "Ocean"]

    @Test("Property: whatever the file is called, a movie.nfo's title, year and tmdb id come out")
    func movieSidecarProperty() async {
        let title = Gen<String?>.element(of: Self.words).map { $0 ?? "" }.array(of: 1...4)
        let numbers = zip(Gen.int(in: 1920...2030), Gen.int(in: 1...999_999))
        let fileName = Gen<String?>.element(
            of: ["movie.mkv", "VTS_01_1.VOB", "x.S01E02.mkv", "Other.Film.1999.1080p.mkv", "01.mkv", "abc.mp4"]
        ).map { $0 ?? "movie.mkv" }
        await propertyCheck(count: 200, input: title, numbers, fileName) { words, numbers, fileName in
            let (year, tmdb) = numbers
            let name = words.joined(separator: " ")
            let nfo =
                "<movie><title>\(name)</title><year>\(year)</year><uniqueid type=\"tmdb\">\(tmdb)</uniqueid></movie>"
            let item = Self.media(MediaHints(url: "/films/Some Folder/\(fileName)", itemSidecar: nfo))
            #expect(item?.mediaType == .movie, "\(fileName)")
            #expect(item?.title == name, "\(fileName)")
            #expect(item?.year == year)
            #expect(item?.tmdbID == tmdb)
            #expect(item?.sources.title == .nfo)
        }
    }

    @Test("Property: ids in folder names, in every spelling media servers use, reach the identification")
    func folderIDProperty() async {
        let title = Gen<String?>.element(of: Self.words).map { $0 ?? "" }.array(of: 1...4)
        let spelling = Gen.int(in: 0...5)
        await propertyCheck(count: 200, input: title, Gen.int(in: 1...9_999_999), spelling, Gen.int(in: 1950...2030)) {
            words, id, spelling, year in
            let name = words.joined(separator: " ")
            let imdb = "tt\(1_000_000 + id)"
            let (tag, expectTMDB, expectIMDB): (String, Int?, String?) =
                switch spelling {
                case 0: ("{tmdb-\(id)}", id, nil)
                case 1: ("[tmdbid-\(id)]", id, nil)
                case 2: ("[imdbid-\(imdb)]", nil, imdb)
                case 3: ("{imdb-\(imdb)}", nil, imdb)
                case 4: ("[tmdbid=\(id)]", id, nil)
                default: ("{tmdb-\(id)} [imdbid-\(imdb)]", id, imdb)
                }
            let url = "/movies/\(name) (\(year)) \(tag)/\(name) (\(year)).mkv"
            let item = Self.media(MediaHints(url: url))
            #expect(item?.title == name, "\(url)")
            #expect(item?.year == year, "\(url)")
            #expect(item?.tmdbID == expectTMDB, "\(url)")
            #expect(item?.imdbID == expectIMDB, "\(url)")
            if expectTMDB != nil { #expect(item?.sources.tmdbID == .folder, "\(url)") }
        }
    }

    @Test("Property: a show's tvshow.nfo names every episode under it, whatever the file's spelling of the show")
    func showSidecarProperty() async {
        let title = Gen<String?>.element(of: Self.words).map { $0 ?? "" }.array(of: 1...4)
        let numbers = zip(Gen.int(in: 1...30), Gen.int(in: 1...99), Gen.int(in: 1...999_999))
        await propertyCheck(count: 200, input: title, numbers) { words, numbers in
            let (season, episode, tvdb) = numbers
            let show = words.joined(separator: " ")
            let nfo = "<tvshow><title>\(show)</title><uniqueid type=\"tvdb\">\(tvdb)</uniqueid></tvshow>"
            let file = "\(words.joined(separator: ".").lowercased()).s\(season)e\(episode).mkv"
            let item = Self.media(MediaHints(url: "/tv/x/Season \(season)/\(file)", showSidecar: nfo))
            #expect(item?.mediaType == .episode, "\(file)")
            #expect(item?.title == show, "\(file)")
            #expect(item?.season == season, "\(file)")
            #expect(item?.episode == episode, "\(file)")
            #expect(item?.tvdbID == tvdb, "\(file)")
        }
    }

    private static func media(_ hints: MediaHints) -> Identification? {
        if case .media(let item) = MediaIdentifier.identify(hints) { return item }
        return nil
    }
}
