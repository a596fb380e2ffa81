import MediaIdentity
import PropertyBased
import Testing

/// Properties over more name families of old collections and download folders (issue 15): leading episode
/// numbers, seasons completed by a later episode word, numbers before a broadcast source or after the year,
/// bonus material and film numbers, year-named seasons, disc sets, month-first dates, season counts, Windows
/// paths and scene file names inside release folders. Each generates many names of one shape and checks that
/// what was put in comes back out.
@Suite("Generated names of old collections")
struct CollectionNamePropertyTests {
    typealias Names = ReleaseNamePropertyTests

    static let title = Gen<String?>.element(of: Names.words).map { $0 ?? "" }.array(of: 1...4)
    static let episodeTitle = Gen<String?>.element(of: ["Pilot", "Down Street", "Fun Run", "The Fire", "Home"])
        .map { $0 ?? "Pilot" }

    @Test("Leading zero-padded episodes: 03-Title.avi and 003. Show Name - Episode Title.avi")
    func leadingEpisodes() async {
        await propertyCheck(count: 300, input: Self.title, Gen.int(in: 1...9), Self.episodeTitle, Gen.bool()) {
            words, episode, episodeTitle, dotted in
            let name =
                dotted
                ? "00\(episode). \(words.joined(separator: " ")) - \(episodeTitle).avi"
                : "0\(episode)-\(words.joined(separator: ".")).avi"
            let item = Names.media(MediaHints(title: name))
            #expect(item?.mediaType == .episode, "\(name)")
            #expect(item?.title == words.joined(separator: " "), "\(name)")
            #expect(item?.season == nil, "\(name)")
            #expect(item?.episode == episode, "\(name)")
            #expect(item?.episodeTitle == (dotted ? episodeTitle : nil), "\(name)")
        }
    }

    @Test("A later episode word completes a season: Temporada 4 [HDTV][Cap.408], Stagione 6 (2016) 720p ep13")
    func laterEpisodeWords() async {
        await propertyCheck(count: 300, input: Self.title, Gen.int(in: 1...30), Gen.int(in: 1...99), Gen.bool()) {
            words, season, episode, spanish in
            let spaced = words.joined(separator: " ")
            let name =
                spanish
                ? "\(spaced) - Temporada \(season) [HDTV][Cap.\(season)\(Names.padded(episode))][Español Castellano]"
                : "\(spaced) - Stagione \(season) (2016) 720p ep\(episode) spyro.mkv"
            let item = Names.media(MediaHints(title: name))
            #expect(item?.title == spaced, "\(name)")
            #expect(item?.season == season, "\(name)")
            #expect(item?.episode == episode, "\(name)")
        }
    }

    @Test("A number right before a broadcast source or a fansub tag is an episode: Title.13.HDTV, Title 445 VOSTFR")
    func numbersBeforeSources() async {
        let source = Gen<String?>.element(of: ["HDTV-FlexGet", "PDTV.XviD-GRP", "HDTV.x264-LOL", "DSR.XviD-GRP"])
            .map { $0 ?? "HDTV" }
        await propertyCheck(count: 300, input: Self.title, Gen.int(in: 1...99), source, Gen.bool()) {
            words, episode, source, fansub in
            let name =
                fansub
                ? "\(words.joined(separator: " ")) \(episode * 5) VOSTFR par Fansub-Group (1280*720)"
                : (words + ["\(episode)", source]).joined(separator: ".")
            let item = Names.media(MediaHints(title: name))
            #expect(item?.mediaType == .episode, "\(name)")
            #expect(item?.title == words.joined(separator: " "), "\(name)")
            #expect(item?.episode == (fansub ? episode * 5 : episode), "\(name)")
        }
    }

    @Test("Three digits after the show's year are season and episode: the.show.2014.208.hdtv-lol.mkv")
    func packedAfterYear() async {
        await propertyCheck(
            count: 300, input: Self.title, Gen.int(in: 1990...2030), Gen.int(in: 1...9), Gen.int(in: 1...99)
        ) {
            words, year, season, episode in
            let packed = season * 100 + episode
            guard ![240, 360, 480, 540, 576, 720].contains(packed) else { return }
            let name = (words.map { $0.lowercased() } + ["\(year)", "\(packed)", "hdtv-lol[ettv].mkv"])
                .joined(separator: ".")
            let item = Names.media(MediaHints(title: name))
            #expect(item?.title == words.joined(separator: " ").lowercased(), "\(name)")
            #expect(item?.year == year, "\(name)")
            #expect(item?.season == season, "\(name)")
            #expect(item?.episode == episode, "\(name)")
        }
    }

    @Test("Bonus material and samples are not reported but say what they belong to: Title-x02-Making_Of, S01Extras")
    func bonusMaterial() async {
        let kind = Gen<String?>.element(of: ["Making_Of", "Gag_Reel", "Stunts", "Deleted_Scenes"])
            .map { $0 ?? "Stunts" }
        await propertyCheck(count: 300, input: Self.title, Gen.int(in: 1...20), kind, Gen.int(in: 0...2)) {
            words, number, kind, style in
            let name =
                switch style {
                case 0: words.joined(separator: "_") + "-x\(Names.padded(number))-\(kind).mkv"
                case 1: words.joined(separator: ".") + ".S\(Names.padded(number))Extras.-.Bad.Karma.DVDRip.XviD.avi"
                default:
                    (words + ["S01E\(Names.padded(number))", "720p", "WEB", "h264-GRP-sample"]).joined(separator: ".")
                }
            guard case .notMedia(let reason, let feature?) = MediaIdentifier.identify(MediaHints(url: "/media/" + name))
            else {
                Issue.record("\(name) should be bonus material of \(words)")
                return
            }
            #expect(reason.contains("not the feature itself"), "\(name)")
            #expect(feature.title == words.joined(separator: " "), "\(name)")
        }
    }

    @Test("A collection's film number leads to the film's own title: James_Bond-f21-Casino_Royale.mkv")
    func filmNumbers() async {
        await propertyCheck(count: 200, input: Self.title, Gen.int(in: 1...25)) { words, number in
            let name = "James_Bond-f\(number)-" + words.joined(separator: "_") + ".mkv"
            let item = Names.media(MediaHints(url: "/movies/" + name))
            #expect(item?.mediaType == .movie, "\(name)")
            #expect(item?.title == words.joined(separator: " "), "\(name)")
        }
    }

    @Test("Seasons named by their year are that year too: Show 1940x01, Show.S2014E18")
    func yearSeasons() async {
        await propertyCheck(count: 300, input: Self.title, Gen.int(in: 1930...2030), Gen.int(in: 1...99), Gen.bool()) {
            words, year, episode, crossed in
            let name =
                crossed
                ? "\(words.joined(separator: " ")) \(year)x\(Names.padded(episode)) Porky's Last Stand.mkv"
                : (words + ["S\(year)E\(Names.padded(episode))", "720p", "HDTV", "x264-KILLERS"]).joined(separator: ".")
            let item = Names.media(MediaHints(title: name))
            #expect(item?.title == words.joined(separator: " "), "\(name)")
            #expect(item?.season == year, "\(name)")
            #expect(item?.year == year, "\(name)")
            #expect(item?.episode == episode, "\(name)")
        }
    }

    @Test("Disc sets of a season: Show.S07D1.NTSC.DVDR-ToF")
    func seasonDiscs() async {
        await propertyCheck(count: 200, input: Self.title, Gen.int(in: 1...30), Gen.int(in: 1...9)) {
            words, season, disc in
            let name = (words + ["S\(Names.padded(season))D\(disc)", "NTSC", "DVDR-ToF"]).joined(separator: ".")
            let item = Names.media(MediaHints(title: name))
            #expect(item?.mediaType == .episode, "\(name)")
            #expect(item?.title == words.joined(separator: " "), "\(name)")
            #expect(item?.season == season, "\(name)")
            #expect(item?.episode == nil, "\(name)")
        }
    }

    @Test("Month-first dates: Show.03-29-2012.HDTV.XViD-GRP")
    func monthFirstDates() async {
        await propertyCheck(
            count: 300, input: Self.title, Gen.int(in: 1...12), Gen.int(in: 1...28), Gen.int(in: 1990...2035)
        ) {
            words, month, day, year in
            let name = (words + ["\(Names.padded(month))-\(Names.padded(day))-\(year)", "HDTV", "XViD-GRP"])
                .joined(separator: ".")
            let item = Names.media(MediaHints(title: name))
            #expect(item?.title == words.joined(separator: " "), "\(name)")
            #expect(item?.airDate == "\(year)-\(Names.padded(month))-\(Names.padded(day))", "\(name)")
        }
    }

    @Test("Season counts: Show.Season.2of5.3of9.Ep.Title, Show.Season.1&3")
    func seasonCounts() async {
        await propertyCheck(count: 300, input: Self.title, Gen.int(in: 1...9), Gen.int(in: 1...9), Gen.bool()) {
            words, season, episode, counted in
            let name =
                counted
                ? (words + ["Season", "\(season)of9", "\(episode)of9", "Ep", "Title", "HDTV"]).joined(separator: ".")
                : (words + ["Season", "\(season)&\(season + 2).avi"]).joined(separator: ".")
            let item = Names.media(MediaHints(title: name))
            #expect(item?.title == words.joined(separator: " "), "\(name)")
            #expect(item?.season == season, "\(name)")
            #expect(item?.episode == (counted ? episode : nil), "\(name)")
        }
    }

    @Test("Windows paths are paths: D:\\TV\\Show\\Season 07\\Show - S07E22 - Title.mkv")
    func windowsPaths() async {
        await propertyCheck(count: 200, input: Self.title, Gen.int(in: 1...30), Gen.int(in: 1...99), Gen.bool()) {
            words, season, episode, upper in
            let spaced = words.joined(separator: " ")
            let marker = "S\(Names.padded(season))E\(Names.padded(episode))"
            let name =
                (upper ? "D:" : "c:")
                + "\\TV\\SITCOMS (CLASSIC)\\\(spaced)\\Season \(season)\\\(spaced) - \(marker) - Home.mkv"
            let item = Names.media(MediaHints(title: name))
            #expect(item?.title == spaced, "\(name)")
            #expect(item?.season == season, "\(name)")
            #expect(item?.episode == episode, "\(name)")
            #expect(item?.rawFilename == "\(spaced) - \(marker) - Home.mkv", "\(name)")
        }
    }

    @Test("Scene file names inside a release folder take the folder's title: Title.2016.1080p.BluRay-GRP/grp-title.mkv")
    func sceneFileNames() async {
        await propertyCheck(count: 300, input: Self.title, Gen.int(in: 1950...2030), Gen.bool()) {
            words, year, abbreviated in
            let folder = (words + ["\(year)", "1080p", "BluRay", "x264-BLOW"]).joined(separator: ".")
            let lower = words.map { $0.lowercased() }
            let file =
                abbreviated
                ? "blow-" + lower.map { String($0.prefix(1)) }.joined() + ".avi"
                : "blow-" + (lower + ["\(year)", "1080p", "bluray", "x264.mkv"]).joined(separator: ".")
            let item = Names.media(MediaHints(url: "/downloads/\(folder)/\(file)"))
            #expect(item?.mediaType == .movie, "\(folder)/\(file)")
            #expect(item?.title == words.joined(separator: " "), "\(folder)/\(file)")
            #expect(item?.year == year, "\(folder)/\(file)")
        }
    }
}
