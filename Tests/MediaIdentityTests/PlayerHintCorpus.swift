/// What players really send: an embedded title next to the URL, a title that is just the file name, a title
/// with no URL at all (browsers, VLC without tags), and `mpris:length` as a tie-breaker.
enum PlayerHintCorpus {
    static let hour = Duration.seconds(3600)
    static let sitcom = Duration.seconds(22 * 60)
    static let drama = Duration.seconds(47 * 60)

    static let cases: [IdentificationCase] = [
        .episode(
            "file:///tv/Better%20Call%20Saul/Season%201/Better.Call.Saul.S01E02.mkv", "Better Call Saul", 1, 2,
            episodeTitle: "Mijo", playerTitle: "Mijo", duration: drama),
        .episode(
            "file:///tv/Seinfeld/Season%204/Seinfeld.S04E11.mkv", "Seinfeld", 4, 11, episodeTitle: "The Contest",
            playerTitle: "The Contest", duration: sitcom),
        .episode(
            "file:///tv/Curb/Curb.Your.Enthusiasm.S08E01.The.Divorce.mkv", "Curb Your Enthusiasm", 8, 1,
            episodeTitle: "The Divorce", playerTitle: "The Fire"),
        .episode(
            "file:///tv/Seinfeld.S04E11.The.Contest.720p.mkv", "Seinfeld", 4, 11, episodeTitle: "The Contest",
            playerTitle: "Seinfeld.S04E11.The.Contest.720p.mkv"),
        .episode(
            "file:///tv/Seinfeld.S04E11.The.Contest.720p.mkv", "Seinfeld", 4, 11, episodeTitle: "The Contest",
            playerTitle: "Seinfeld.S04E11.The.Contest.720p"),
        .episode("file:///tv/Seinfeld/Season%204/Seinfeld.S04E11.mkv", "Seinfeld", 4, 11, playerTitle: "Seinfeld"),
        .episode(
            "file:///tv/Seinfeld/Season%204/Seinfeld.S04E11.mkv", "Seinfeld", 4, 11,
            playerTitle: "Seinfeld - S04E11 - The Contest"),
        .episode(
            "/tv/Silicon Valley/Season 1/Silicon.Valley.S01E01.mkv", "Silicon Valley", 1, 1,
            episodeTitle: "Minimum Viable Product", playerTitle: "Minimum Viable Product", duration: .seconds(28 * 60)),
        .movie(
            "file:///movies/Fight.Club.1999.1080p.BluRay.x264-SPARKS.mkv", "Fight Club", 1999,
            playerTitle: "Fight Club", duration: .seconds(139 * 60)),
        .movie(
            "file:///movies/Fight.Club.1999.1080p.BluRay.x264-SPARKS.mkv", "Fight Club", 1999,
            playerTitle: "Fight.Club.1999.1080p.BluRay.x264-SPARKS.mkv"),
        .movie("file:///movies/Fight%20Club.mkv", "Fight Club", 1999, playerTitle: "Fight Club (1999)"),
        .movie("file:///movies/fight_club.mkv", "Fight Club", 1999, playerTitle: "Fight Club 1999"),
        .episode("file:///downloads/abc123.mkv", "The Expanse", 2, 5, playerTitle: "The.Expanse.S02E05.1080p.WEB-DL"),
        .episode("file:///downloads/video.mkv", "The Expanse", 2, 5, playerTitle: "The Expanse - S02E05"),
        .movie("file:///downloads/video.mkv", "Heat", 1995, playerTitle: "Heat (1995)"),
        .episode(
            "The.Expanse.S02E05.Home.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb.mkv", "The Expanse", 2, 5, episodeTitle: "Home",
            duration: drama),
        .episode("Seinfeld - S04E11 - The Contest", "Seinfeld", 4, 11, episodeTitle: "The Contest", duration: sitcom),
        .movie("Heat (1995)", "Heat", 1995, duration: .seconds(170 * 60)),
        .movie("Inception", "Inception", duration: .seconds(148 * 60)),
        .movie("Inception", "Inception"),
        .notMedia("Pilot", duration: sitcom),
        .notMedia("The Fire", duration: .seconds(25 * 60)),
        .notMedia("Some Song Title", duration: .seconds(215)),
        .notMedia("Official Trailer", duration: .seconds(150)),
        .movie("Short Film (2019)", "Short Film", 2019, duration: .seconds(14 * 60)),
        .anime(
            "[SubsPlease] Sousou no Frieren - 07 (1080p) [ABCD1234].mkv", "Sousou no Frieren", 7,
            duration: .seconds(24 * 60)),
        .movie("[Group] Kara no Kyoukai 5 [1080p].mkv", "Kara no Kyoukai 5", duration: .seconds(105 * 60)),
        .movie(
            "/anime/movies/[Group] Kara no Kyoukai 5 [BD 1080p].mkv", "Kara no Kyoukai 5", duration: .seconds(105 * 60)),
        .anime("[Group] Kara no Kyoukai 5 [1080p].mkv", "Kara no Kyoukai", 5, duration: .seconds(24 * 60)),
        .episode("/tv/Show/Season 1/Show.S01E01.mkv", "Show", 1, 1, playerTitle: "Show.S01E01.mkv"),
        .episode("/tv/Show/Season 1/Show.S01E01.mkv", "Show", 1, 1, playerTitle: "   "),
        .episode("/tv/Show/Season 1/Show.S01E01.mkv", "Show", 1, 1, playerTitle: ""),
        .episode(
            "file:///tv/Show/Season%201/Show.S01E01.mkv", "Show", 1, 1, episodeTitle: "Día de Muertos",
            playerTitle: "Día de Muertos"),
        .movie("/movies/Heat (1995).mkv", "Heat", 1995, duration: .seconds(170 * 60)),
        .movie("/movies/Heat.mkv", "Heat", duration: .seconds(170 * 60)),
        .notMedia("/clips/Heat.mkv", duration: .seconds(3 * 60)),
        .episode("/tv/Show.S01E01.mkv", "Show", 1, 1, duration: .seconds(3 * 60)),
        .movie("smb://nas/movies/Heat%20(1995).mkv", "Heat", 1995),
        .movie("sftp://host/home/bob/Heat.1995.1080p.BluRay.mkv", "Heat", 1995),
        .movie("https://cdn.example.com/media/Heat.1995.1080p.mp4?token=abc#t=10", "Heat", 1995),
        .movie(
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "Heat", 1995, playerTitle: "Heat (1995)",
            duration: .seconds(170 * 60)),
        .notMedia(
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ", playerTitle: "Never Gonna Give You Up",
            duration: .seconds(213)),
        .notMedia("The Fire", duration: .seconds(45 * 60)),
        .movie("The Fire", "The Fire", duration: .seconds(95 * 60)),
        .movie(
            "http://127.0.0.1:8096/Videos/4f2a9c/stream.mkv?static=true", "Fight Club", 1999,
            playerTitle: "Fight Club (1999)"),
        .episode(
            "http://127.0.0.1:8096/Videos/4f2a9c/stream.mkv", "Better Call Saul", 1, 2, episodeTitle: "Mijo",
            playerTitle: "Better Call Saul - S01E02 - Mijo"),
        .notMedia("http://127.0.0.1:8096/Videos/4f2a9c/stream.mkv"),
        .episode("file:///tv/Show/Season%201/Show.S01E02.mkv", "Show", 1, 2, playerTitle: "www.site.com"),
        .movie("file:///home/bob/rips/rip1.mkv", "Inception", 2010, playerTitle: "Inception (2010)"),
        .movie("file:///home/bob/rips/Inception.mkv", "Inception", playerTitle: "Encoded by GRP"),
        .movie("file:///movies/Heat.1995.1080p.BluRay.x264-GRP.mkv", "Heat", 1995, playerTitle: "RARBG.COM"),
    ]
}
