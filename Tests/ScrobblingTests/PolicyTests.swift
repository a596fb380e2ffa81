import MediaIdentity
import PlaybackModel
import Scrobbling
import Testing

/// Per-player policy: defaults by player name, minimum duration, ignore patterns, identification refusals,
/// media type override and what `raw_filename` may reveal.
@Suite("per-player policy")
struct PolicyTests {
    let mpv = Fixtures.mpv

    @Test(
        "defaults by player name",
        arguments: [
            ("mpv", nil, false, true), ("vlc", nil, false, true),
            ("io.github.celluloid_player.Celluloid", nil, false, true),
            ("totem", nil, false, true), ("haruna", nil, false, true), ("smplayer", nil, false, true),
            ("kodi", nil, false, true), ("firefox", nil, false, false), ("chromium", "chromium", false, false),
            ("spotify", nil, false, false), ("rhythmbox", nil, false, false), ("playerctld", nil, false, false),
            ("mpv", nil, true, false), ("strange-player", nil, false, false),
            ("unnamed", "org.gnome.Totem", false, true), ("kdeconnect.mpris_000001", nil, false, false),
        ] as [(String, String?, Bool, Bool)]
    )
    func defaults(name: String, desktopEntry: String?, isMirror: Bool, enabled: Bool) {
        let info = PlayerInfo(
            busName: "org.mpris.MediaPlayer2.\(name)",
            uniqueName: ":1.1",
            name: name,
            desktopEntry: desktopEntry,
            isMirror: isMirror
        )
        let policy = PlayerPolicy.defaults(for: info)
        #expect(policy.isEnabled == enabled)
        #expect(policy.settleWindow == .milliseconds(1500))
        #expect(policy.progressInterval == .seconds(15))
        #expect(policy.watchedThreshold == 0.9)
        #expect(policy.minimumDuration == .seconds(300))
        #expect(policy.mediaTypeOverride == .auto)
        #expect(policy.sendsFilename && !policy.sendsFullPath)
    }

    @Test("a clip shorter than the minimum duration is skipped, with the reason logged once")
    func shortClipSkipped() {
        var run = ScriptedRun()
        let clip = Fixtures.item("clip.mkv", minutes: 95.0 / 60)
        run.appear(mpv, PlayerProperties(status: .playing, metadata: clip, position: .zero, rate: 1), at: 0)
        run.change(mpv, PlayerProperties(status: .paused), at: 10)
        run.change(mpv, PlayerProperties(status: .playing), at: 20)
        run.send(.shutdown, at: 30)
        #expect(run.events.isEmpty)
        let refusals = run.decisions.filter { $0.kind == .ignored }.map(\.description)
        #expect(refusals == ["org.mpris.MediaPlayer2.mpv: ignored: duration 95 s below 300 s"])
    }

    @Test(
        "ignore patterns on title and URL",
        arguments: [
            (
                TrackMetadata(title: "Alpha (Official Trailer)", url: "file:///m/a.mkv", length: .seconds(600)),
                "ignored: title matches ignore pattern \"(?i)trailer\""
            ),
            (
                TrackMetadata(title: "Alpha", url: "file:///m/Extras/a.mkv", length: .seconds(600)),
                "ignored: URL matches ignore pattern \"/Extras/\""
            ),
        ]
    )
    func ignorePatterns(metadata: TrackMetadata, reason: String) throws {
        let titles = [try IgnorePattern("(?i)trailer")]
        let urls = [try IgnorePattern("/Extras/")]
        var run = ScriptedRun(policy: { _ in PlayerPolicy(ignoredTitles: titles, ignoredURLs: urls) })
        run.appear(mpv, PlayerProperties(status: .playing, metadata: metadata, position: .zero, rate: 1), at: 0)
        run.send(.shutdown, at: 30)
        #expect(run.events.isEmpty)
        #expect(run.decisions.contains { $0.message == reason })
    }

    @Test("an invalid ignore pattern is rejected with a message naming it")
    func invalidPattern() {
        #expect {
            try IgnorePattern("(unclosed")
        } throws: { error in
            (error as? PolicyError)?.description.hasPrefix("invalid ignore pattern \"(unclosed\"") == true
        }
    }

    @Test("an item identification calls not media is not reported")
    func notMedia() {
        var run = ScriptedRun()
        let song = Fixtures.item("a song.flac")
        run.appear(mpv, PlayerProperties(status: .playing, metadata: song, position: .zero, rate: 1), at: 0)
        run.send(.shutdown, at: 30)
        #expect(run.events.isEmpty)
        #expect(run.decisions.contains { $0.message == "ignored: not a movie or episode: looks like music" })
    }

    @Test("a disabled player (a browser by default) is not reported and its observations are dropped")
    func disabledPlayer() {
        var run = ScriptedRun()
        let firefox = Fixtures.player("firefox")
        let page = TrackMetadata(title: "Alpha", url: "https://video.example/1", length: .seconds(600))
        run.appear(firefox, PlayerProperties(status: .playing, metadata: page, rate: 1), at: 0)
        run.change(firefox, PlayerProperties(status: .paused), at: 5)
        run.send(.shutdown, at: 30)
        #expect(run.events.isEmpty)
        #expect(
            run.decisions.map(\.message) == [
                "ignored: player firefox is off (a browser); enable it in players.d/firefox.toml"
            ])
    }

    @Test("identification fields, media type override and the full path when opted in")
    func identificationFieldsAndFullPath() {
        let identify: @Sendable (MediaHints) -> IdentificationResult = { _ in
            .media(
                Identification(
                    mediaType: .movie, title: "The Show", year: 2019, season: 2, episode: 3, episodeEnd: 4,
                    multiEpisode: true, absoluteEpisode: 27, anime: true, episodeTitle: "Pilot", tmdbID: 42,
                    tvdbID: 7, imdbID: "tt0000042", confidence: 0.9, reasons: ["S02E03E04 in file name"]
                )
            )
        }
        var run = ScriptedRun(
            policy: { _ in PlayerPolicy(mediaTypeOverride: .episode, sendsFullPath: true) },
            identify: identify
        )
        let file = TrackMetadata(url: "file:///home/ana/My%20Shows/The.Show.S02E03E04.mkv", length: .seconds(1500))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: file, position: .zero, rate: 1), at: 0)
        run.send(.shutdown, at: 10)
        #expect(
            Transcript.lines(run.events) == [
                "1.5 start S1 episode \"The Show\" year=2019 tmdb=42 tvdb=7 imdb=tt0000042 season=2 episode=3 "
                    + "episode_end=4 multi=true absolute=27 anime=true episode_title=Pilot "
                    + "file=/home/ana/My Shows/The.Show.S02E03E04.mkv pos=1 dur=1500 prog=0.001",
                "10.0 stop S1 pos=10 dur=1500 prog=0.007 watched=false threshold=0.9",
            ]
        )
    }

    @Test(
        "raw_filename: the file name only by default, nothing when off or not a local file",
        arguments: [
            ("file:///home/ana/Movies/Alpha%20(1999).mkv", true, "Alpha (1999).mkv"),
            ("/home/ana/Movies/alpha.mkv", true, "alpha.mkv"),
            ("file:///home/ana/Movies/alpha.mkv", false, nil),
            ("https://video.example/watch?v=1", true, nil),
        ] as [(String, Bool, String?)]
    )
    func rawFilename(url: String, sendsFilename: Bool, expected: String?) {
        var run = ScriptedRun(policy: { _ in PlayerPolicy(sendsFilename: sendsFilename) })
        let item = TrackMetadata(title: "Alpha", url: url, length: .seconds(600))
        run.appear(mpv, PlayerProperties(status: .playing, metadata: item, position: .zero, rate: 1), at: 0)
        run.send(.shutdown, at: 10)
        #expect(run.events.count == 2)
        #expect(run.events.allSatisfy { $0.payload.rawFilename == expected })
    }

    @Test("an item of unknown duration is reported without progress and never as watched")
    func unknownDuration() {
        var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 100))
        let item = Fixtures.item("alpha.mkv", title: "Alpha", minutes: nil)
        run.appear(mpv, PlayerProperties(status: .playing, metadata: item, position: .zero, rate: 1), at: 0)
        run.send(.shutdown, at: 3000)
        #expect(
            Transcript.lines(run.events).first == "1.5 start S1 movie \"Alpha\" file=alpha.mkv pos=1"
        )
        #expect(
            Transcript.lines(run.events).last == "3000.0 stop S1 pos=3000 watched=false threshold=0.9"
        )
    }

    @Test("the settle window is per player")
    func perPlayerSettleWindow() {
        var run = ScriptedRun(policy: { info in
            PlayerPolicy(settleWindow: .seconds(info.name == "vlc" ? 4 : 1), progressInterval: .seconds(100))
        })
        let alpha = Fixtures.item("alpha.mkv", title: "Alpha")
        let beta = Fixtures.item("beta.mkv", title: "Beta")
        run.appear(Fixtures.vlc, PlayerProperties(status: .playing, metadata: alpha, position: .zero, rate: 1), at: 0)
        run.appear(mpv, PlayerProperties(status: .playing, metadata: beta, position: .zero, rate: 1), at: 0)
        run.send(.shutdown, at: 10)
        #expect(
            Transcript.lines(run.events) == [
                "1.0 start S1 movie \"Beta\" file=beta.mkv pos=1 dur=600 prog=0.002",
                "4.0 start S2 movie \"Alpha\" file=alpha.mkv pos=4 dur=600 prog=0.007",
                "10.0 stop S1 pos=10 dur=600 prog=0.017 watched=false threshold=0.9",
                "10.0 stop S2 pos=10 dur=600 prog=0.017 watched=false threshold=0.9",
            ]
        )
    }

    @Test("an observation for a player that never appeared is dropped with a decision")
    func unknownPlayer() {
        var run = ScriptedRun()
        run.change(mpv, PlayerProperties(status: .playing), at: 1)
        run.wait(until: 10)
        #expect(run.events.isEmpty)
        #expect(run.decisions.map(\.message) == ["ignored: observation for a player that never appeared"])
    }
}
