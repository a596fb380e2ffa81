import MediaIdentity

/// The inputs benchmarks run on: a mix like the one players send, and hostile ones.
enum BenchmarkInputs {
    static let realistic: [MediaHints] = [
        MediaHints(title: "The.Expanse.S02E05.Home.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb.mkv"),
        MediaHints(title: "Fight.Club.1999.REMASTERED.1080p.BluRay.x264-SPARKS"),
        MediaHints(url: "file:///mnt/media/Movies/Blade%20Runner%202049%20(2017)/Blade.Runner.2049.2017.2160p.mkv"),
        MediaHints(
            title: "The Fire", url: "file:///home/ana/TV/Better%20Call%20Saul/Season%201/Better.Call.Saul.S01E02.mkv",
            duration: .seconds(2820)),
        MediaHints(title: "[SubsPlease] Sousou no Frieren - 07 (1080p) [ABCD1234].mkv"),
        MediaHints(url: "/srv/tv/Doctor Who (2005)/Season 02/03 - School Reunion.mkv"),
        MediaHints(title: "2001.A.Space.Odyssey.1968.1080p.BluRay.x264"),
        MediaHints(title: "The.Daily.Show.2024.05.01.Jon.Stewart.720p.WEB.h264-EDITH"),
        MediaHints(url: "file:///media/films/Am%C3%A9lie%20(2001)/Am%C3%A9lie%20(2001).mkv"),
        MediaHints(title: "Pilot", duration: .seconds(1320)),
        MediaHints(url: "file:///music/Artist/Album/01%20-%20Song.flac"),
        MediaHints(url: "/movies/Fight Club (1999) {tmdb-550}/Fight Club (1999) [imdbid-tt0137523].mkv"),
        MediaHints(title: "Game of Thrones - 1x01-02 - Winter Is Coming.avi"),
        MediaHints(url: "/data/The.Matrix.1999.1080p.BluRay.x264-GRP/VIDEO_TS/VTS_01_1.VOB"),
        MediaHints(title: "www.Torrenting.com - Oppenheimer.2023.1080p.WEBRip.x265-RARBG"),
        MediaHints(title: "Friends.S03E01E02.720p.BluRay.x264-PSYCHD.mkv"),
    ]

    static let hostile: [(String, MediaHints)] = [
        ("100 KB title", MediaHints(title: String(repeating: "The.Show.S01E01.", count: 6_400))),
        ("100 KB URL", MediaHints(url: "file:///" + String(repeating: "a%2F", count: 25_000) + "x.mkv")),
        (
            "100 KB of brackets",
            MediaHints(title: String(repeating: "[(", count: 25_000) + String(repeating: ")]", count: 25_000))
        ),
        ("100 KB of dashes", MediaHints(title: String(repeating: "- 1 ", count: 25_000))),
        ("100 KB path of folders", MediaHints(url: String(repeating: "/Season 1", count: 11_000) + "/01.mkv")),
        (
            "random bytes",
            MediaHints(title: String(decoding: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }, as: UTF8.self))
        ),
    ]
}
