import MediaIdentity
import Testing

/// The `.nfo` reader: the fields of real Kodi/Jellyfin files, tolerance for partial and sloppy ones, and
/// bounded work on broken and hostile texts.
@Suite("Reading .nfo sidecars")
struct SidecarInfoTests {
    @Test("A Kodi movie.nfo gives title, year and every id; nested titles (sets, actors) are not the movie's")
    func movie() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes" ?>
            <!-- created on 2024-01-01 - tinyMediaManager -->
            <movie>
              <title>Avatar</title>
              <originaltitle>Avatar</originaltitle>
              <set><name>Avatar Collection</name><title>Avatar Collection</title></set>
              <year>2009</year>
              <uniqueid type="imdb">tt0499549</uniqueid>
              <uniqueid type="tmdb" default="true">19995</uniqueid>
              <actor><name>Sam Worthington</name><title>Not this</title></actor>
            </movie>
            """
        let info = try #require(SidecarInfo(nfo: text))
        #expect(info.kind == .movie)
        #expect(info.title == "Avatar")
        #expect(info.year == 2009)
        #expect(info.tmdbID == 19995)
        #expect(info.imdbID == "tt0499549")
        #expect(info.tvdbID == nil)
    }

    @Test("An episode nfo gives show title, episode title, season and episode")
    func episode() throws {
        let text = """
            <episodedetails>
                <title>Pilot</title>
                <showtitle>Breaking Bad</showtitle>
                <season>1</season>
                <episode>1</episode>
                <aired>2008-01-20</aired>
                <uniqueid type="tvdb" default="true">349232</uniqueid>
            </episodedetails>
            """
        let info = try #require(SidecarInfo(nfo: text))
        #expect(info.kind == .episode)
        #expect(info.title == "Pilot")
        #expect(info.showTitle == "Breaking Bad")
        #expect(info.season == 1)
        #expect(info.episode == 1)
        #expect(info.year == 2008)
    }

    @Test("A tvshow.nfo, with Emby-style id tags, single quotes and upper-case names")
    func show() throws {
        let text = """
            <TVSHOW><Title>The Office</Title><Year>2005</Year>
            <uniqueid type='TVDB'>73244</uniqueid><imdbid>tt0386676</imdbid><tmdbid>2316</tmdbid></TVSHOW>
            """
        let info = try #require(SidecarInfo(nfo: text))
        #expect(info.kind == .show)
        #expect(info.title == "The Office")
        #expect(info.year == 2005)
        #expect(info.tvdbID == 73244)
        #expect(info.tmdbID == 2316)
        #expect(info.imdbID == "tt0386676")
    }

    @Test("Entities, character references and CDATA are decoded; comments inside a field are skipped")
    func entitiesAndCDATA() throws {
        let text = """
            <movie><title> Fast &amp; Furious &#38; &#x26; &lt;3 &quot;x&quot; &apos;y&apos; &unknown; </title>
            <originaltitle><![CDATA[Ignored <b>tag</b>]]></originaltitle><year><!-- when -->2009</year></movie>
            """
        let info = try #require(SidecarInfo(nfo: text))
        #expect(info.title == "Fast & Furious & & <3 \"x\" 'y' &unknown;")
        #expect(info.year == 2009)
        let cdata = try #require(SidecarInfo(nfo: "<movie><title><![CDATA[Tom & Jerry <The Movie>]]></title></movie>"))
        #expect(cdata.title == "Tom & Jerry <The Movie>")
    }

    @Test("Partial files give what they have; odd values are dropped, not guessed")
    func partial() throws {
        let onlyID = try #require(SidecarInfo(nfo: "<movie><uniqueid type=\"tmdb\">550</uniqueid></movie>"))
        #expect(onlyID.tmdbID == 550)
        #expect(onlyID.title == nil)
        let unclosed = try #require(SidecarInfo(nfo: "<movie><title>Heat</title><year>1995"))
        #expect(unclosed.title == "Heat")
        #expect(unclosed.year == nil)
        let odd = try #require(
            SidecarInfo(
                nfo: """
                    <movie><title>Heat</title><year>95</year><uniqueid type="imdb">0113277</uniqueid>
                    <uniqueid type="tmdb">-949</uniqueid><uniqueid>12</uniqueid></movie>
                    """))
        #expect(odd.year == nil)
        #expect(odd.imdbID == nil)
        #expect(odd.tmdbID == nil)
    }

    @Test(
        "Texts that are not movie, episode or show nfos are none",
        arguments: [
            "", "   ", "just some text", "<musicvideo><title>Song</title></musicvideo>", "<movie/>",
            "<movie></movie>", "<movie><plot>Only a plot</plot></movie>",
            "https://www.themoviedb.org/movie/19995",
            """
            ╔══════════════════════╗
            ║  <<< SCENE GROUP >>> ║
            ║  Avatar.2009.1080p   ║
            ╚══════════════════════╝
            """,
        ])
    func notSidecars(_ text: String) {
        #expect(SidecarInfo(nfo: text) == nil)
    }

    @Test("Hostile texts stay bounded: deep nesting, entity bombs, a megabyte of text, unclosed everything")
    func hostile() throws {
        let deep = "<movie>" + String(repeating: "<a>", count: 200_000) + "<title>Deep</title>"
        #expect(SidecarInfo(nfo: deep) == nil)
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE movie [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
            <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
            <movie><title>&d;&d;&d;</title></movie>
            """
        #expect(try #require(SidecarInfo(nfo: bomb)).title == "&d;&d;&d;")
        let megabyte = "<movie><title>Big</title><plot>" + String(repeating: "x", count: 1 << 20) + "</plot></movie>"
        #expect(try #require(SidecarInfo(nfo: megabyte)).title == "Big")
        let late = "<movie><plot>" + String(repeating: "y", count: 1 << 20) + "</plot><title>Late</title></movie>"
        #expect(SidecarInfo(nfo: late) == nil)
        let longTitle =
            "<movie><title>" + String(repeating: "z", count: 5000) + "</title><year>2001</year>"
            + "<uniqueid type=\"imdb\">tt0062622</uniqueid></movie>"
        let long = try #require(SidecarInfo(nfo: longTitle))
        #expect(long.title == nil)
        #expect(long.year == 2001)
        let manyTags = "<movie>" + String(repeating: "<uniqueid type=\"tmdb\">1</uniqueid>", count: 20_000) + "</movie>"
        #expect(try #require(SidecarInfo(nfo: manyTags)).tmdbID == 1)
        for opener in ["<!--", "<![CDATA[", "<?", "<movie", "<movie><title", "<movie><uniqueid type=\"", "&#x"] {
            let unclosed = opener + String(repeating: "<&\"'", count: 100_000)
            _ = SidecarInfo(nfo: unclosed)
        }
    }

    @Test("Hostile texts are read fast: a megabyte of any shape in well under a second")
    func hostileIsFast() {
        let shapes = [
            "<movie>" + String(repeating: "<a>", count: 300_000),
            "<movie>" + String(repeating: "<title>", count: 150_000),
            "<movie>" + String(repeating: "</a>", count: 250_000),
            "<movie><title>" + String(repeating: "&amp;", count: 200_000),
            "<movie>" + String(repeating: "<![CDATA[", count: 100_000),
            "<movie><a " + String(repeating: "type=\"", count: 150_000),
        ]
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for shape in shapes { _ = SidecarInfo(nfo: shape) }
        }
        #expect(elapsed < .seconds(2), "\(elapsed)")
    }
}
