import MediaIdentity
import Testing

/// The fields the corpus leaves out: the raw file name, multi-episode flag, confidence and reasons.
@Suite("Identification details")
struct IdentificationDetailsTests {
    @Test(
        "The raw file name is the decoded file name alone",
        arguments: [
            ("file:///tv/Show/Season%201/Show.S01E02.mkv", "Show.S01E02.mkv"),
            ("file:///media/films/Am%C3%A9lie%20(2001)/Am%C3%A9lie%20(2001).mkv", "Amélie (2001).mkv"),
            ("/movies/Heat (1995)/Heat (1995).mkv", "Heat (1995).mkv"),
            ("https://cdn.example.com/v/Heat.1995.1080p.mp4?token=secret", "Heat.1995.1080p.mp4"),
        ])
    func rawFilename(url: String, expected: String) {
        #expect(media(MediaHints(title: "Anything", url: url))?.rawFilename == expected)
    }

    @Test(
        "URLs decode percent-escapes, keep malformed ones, and accept hosts, bare paths and Windows paths",
        arguments: [
            ("file:///films/100%25%20Wolf%20(2020).mkv", "100% Wolf (2020).mkv"),
            ("file:///films/Bad%ZZEscape%2.mkv", "Bad%ZZEscape%2.mkv"),
            ("file:///films/Caf%C3%A9%20Society%20(2016).mkv", "Café Society (2016).mkv"),
            ("file:///films/Broken%C3%28UTF8%29.mkv", "Broken\u{FFFD}(UTF8).mkv"),
            ("file://nas.local/share/Heat%20(1995).mkv", "Heat (1995).mkv"),
            ("/films/Heat%20(1995).mkv", "Heat%20(1995).mkv"),
            ("C:\\Films\\Heat (1995).mkv", "Heat (1995).mkv"),
        ])
    func urlDecoding(url: String, expected: String) {
        #expect(media(MediaHints(url: url))?.rawFilename == expected)
    }

    @Test("A release name given only as the title is its own raw file name; a plain title is none")
    func rawFilenameFromTitle() {
        #expect(
            media(MediaHints(title: "Show.S01E02.720p.HDTV.x264-GRP"))?.rawFilename == "Show.S01E02.720p.HDTV.x264-GRP")
        #expect(media(MediaHints(title: "Fight Club.mkv"))?.rawFilename == "Fight Club.mkv")
        #expect(media(MediaHints(title: "Fight Club (1999)"))?.rawFilename == nil)
    }

    @Test("Multi-episode files say so; single episodes do not")
    func multiEpisode() {
        let double = media(MediaHints(title: "Friends.S03E01E02.720p.mkv"))
        #expect(double?.multiEpisode == true)
        #expect(double?.episodeEnd == 2)
        let single = media(MediaHints(title: "Friends.S03E01.720p.mkv"))
        #expect(single?.multiEpisode == false)
        #expect(single?.episodeEnd == nil)
    }

    @Test("Confidence follows the evidence: ids > S01E02 > title and year > bare title")
    func confidenceOrder() throws {
        let withIDs = try #require(media(MediaHints(url: "/movies/Fight Club (1999) {tmdb-550}/Fight Club.mkv")))
        let marked = try #require(media(MediaHints(title: "Show.S01E02.720p.mkv")))
        let dated = try #require(media(MediaHints(title: "Fight Club (1999)")))
        let bare = try #require(media(MediaHints(title: "Fight Club")))
        #expect(withIDs.confidence > marked.confidence)
        #expect(marked.confidence > dated.confidence)
        #expect(dated.confidence > bare.confidence)
        #expect(bare.confidence > 0)
    }

    @Test("Reasons name what produced the guess")
    func reasons() throws {
        let episode = try #require(
            media(MediaHints(title: "Mijo", url: "file:///tv/Better%20Call%20Saul/Season%201/S01E02.mkv")))
        #expect(episode.reasons.contains("S01E02 marker in file name"))
        #expect(episode.reasons.contains("show title from folder"))
        #expect(episode.reasons.contains("episode title from player title"))
        let folder = try #require(media(MediaHints(url: "/movies/Heat (1995)/VIDEO_TS/VTS_01_1.VOB")))
        #expect(folder.reasons.contains("file name uninformative; folder name used"))
    }

    @Test(
        "Rejections explain themselves",
        arguments: [
            (MediaHints(url: "/music/Album/01 - Song.flac"), "audio file"),
            (MediaHints(url: "/movies/Heat (1995)/Trailers/Heat.mkv"), "extras folder"),
            (MediaHints(title: "Heat.1995.1080p-sample.mkv"), "sample"),
            (MediaHints(title: "Pilot", duration: .seconds(22 * 60)), "22-minute"),
            (MediaHints(), "neither a title nor a URL"),
        ])
    func rejectionReasons(hints: MediaHints, fragment: String) {
        guard case .notMedia(let reason, _) = MediaIdentifier.identify(hints) else {
            Issue.record("expected a rejection for \(hints)")
            return
        }
        #expect(reason.contains(fragment), "\(reason)")
    }

    @Test("Identification is a pure function: the same hints give the same answer")
    func deterministic() {
        let hints = MediaHints(
            title: "The Fire", url: "file:///tv/Show/Season%201/Show.S01E02.mkv", duration: .seconds(1300))
        #expect(MediaIdentifier.identify(hints) == MediaIdentifier.identify(hints))
    }

    private func media(_ hints: MediaHints) -> Identification? {
        guard case .media(let item) = MediaIdentifier.identify(hints) else { return nil }
        return item
    }
}
