/// Paths and `file://` URLs where the folders matter: season folders, show and movie folders, disc structures,
/// media-server ids, obfuscated scene file names, percent-encoding and non-ASCII names.
enum FolderCorpus {
    static let cases: [IdentificationCase] = [
        .episode(
            "/srv/tv/Doctor Who (2005)/Season 02/03 - School Reunion.mkv", "Doctor Who", 2, 3, year: 2005,
            episodeTitle: "School Reunion"),
        .episode("/tv/Breaking Bad/Season 1/01 - Pilot.mkv", "Breaking Bad", 1, 1, episodeTitle: "Pilot"),
        .episode(
            "/tv/Breaking Bad/Season 1/02. Cat's in the Bag.mkv", "Breaking Bad", 1, 2, episodeTitle: "Cat's in the Bag"
        ),
        .episode("/tv/The Wire/Season 3/03 Dead Soldiers.avi", "The Wire", 3, 3, episodeTitle: "Dead Soldiers"),
        .episode("/tv/Seinfeld/S04/11 - The Contest.mkv", "Seinfeld", 4, 11, episodeTitle: "The Contest"),
        .episode("/tv/Seinfeld/S04/12.mkv", "Seinfeld", 4, 12),
        .episode(
            "/media/TV Shows/The Office (US)/Season 2/The Office (US) - S02E01 - The Dundies.mkv", "The Office", 2, 1,
            episodeTitle: "The Dundies", country: "US"),
        .episode("/tv/Better Call Saul/Season 1/Better.Call.Saul.S01E02.mkv", "Better Call Saul", 1, 2),
        .episode("/tv/Better Call Saul/Season 1/S01E02.mkv", "Better Call Saul", 1, 2),
        .episode("/tv/Better Call Saul/Season 1/S01E02 - Mijo.mkv", "Better Call Saul", 1, 2, episodeTitle: "Mijo"),
        .episode("/tv/Better Call Saul/Season 1/E02.mkv", "Better Call Saul", 1, 2),
        .episode("/tv/Better Call Saul/Season 1/Episode 2.mkv", "Better Call Saul", 1, 2),
        .episode(
            "/tv/Doctor Who (2005)/Specials/Doctor Who (2005) - S00E47 - The Snowmen.mkv", "Doctor Who", 0, 47,
            year: 2005, episodeTitle: "The Snowmen"),
        .episode(
            "/tv/Doctor Who (2005)/Specials/01 - The Christmas Invasion.mkv", "Doctor Who", 0, 1, year: 2005,
            episodeTitle: "The Christmas Invasion"),
        .episode("/tv/Doctor Who (2005)/Season 00/S00E01.mkv", "Doctor Who", 0, 1, year: 2005),
        .episode(
            "/data/Downloads/Show.Name.S01.1080p.BluRay.x264-GRP/Show.Name.S01E03.1080p.BluRay.x264-GRP.mkv",
            "Show Name", 1, 3),
        .episode(
            "/data/Downloads/The.Expanse.S03.1080p.BluRay.x264-ROVERS/the.expanse.s03e04.1080p.bluray.x264-rovers.mkv",
            "The Expanse", 3, 4),
        .episode(
            "/downloads/Severance.S02E01.1080p.WEB.H264-SuccessfulCrab/severance.s02e01.1080p.web.h264-successfulcrab.mkv",
            "Severance", 2, 1),
        .episode(
            "/downloads/Severance.S02E01.1080p.WEB.H264-SuccessfulCrab/a8f3c2d1e9b7a6c5d4e3f2a1b0c9d8e7.mkv",
            "Severance", 2, 1),
        .episode("/downloads/Yellowstone.S05E08.720p.WEB.x265-MiNX/ys.508.720p-minx.mkv", "Yellowstone", 5, 8),
        .episode(
            "/tv/Friends/Season 10/Friends - 10x17-18 - The Last One.avi", "Friends", 10, 17, end: 18,
            episodeTitle: "The Last One"),
        .episode(
            "/tv/Game of Thrones (2011) {tvdb-121361}/Season 01/Game of Thrones (2011) - S01E01 - Winter Is Coming.mkv",
            "Game of Thrones", 1, 1, year: 2011, episodeTitle: "Winter Is Coming", tvdb: 121361),
        .episode(
            "/tv/Breaking Bad (2008) [tvdbid-81189]/Season 5/Breaking Bad (2008) - S05E14 - Ozymandias.mkv",
            "Breaking Bad", 5, 14, year: 2008, episodeTitle: "Ozymandias", tvdb: 81189),
        .episode("/tv/Severance {tmdb-95396}/Season 1/Severance - S01E01.mkv", "Severance", 1, 1, tmdb: 95396),
        .episode(
            "file:///home/ana/Videos/TV/Better%20Call%20Saul/Season%201/Better.Call.Saul.S01E02.mkv",
            "Better Call Saul", 1, 2),
        .episode(
            "file:///mnt/nas/Serien/Dark/Staffel%201/Dark%20-%20S01E01%20-%20Geheimnisse.mkv", "Dark", 1, 1,
            episodeTitle: "Geheimnisse"),
        .episode(
            "file:///mnt/nas/S%C3%A9ries/Le%20Bureau%20des%20L%C3%A9gendes/Saison%202/Le.Bureau.des.L%C3%A9gendes.S02E03.mkv",
            "Le Bureau des Légendes", 2, 3),
        .episode(
            "file:///media/anime/%E9%80%B2%E6%92%83%E3%81%AE%E5%B7%A8%E4%BA%BA/Season%201/%E9%80%B2%E6%92%83%E3%81%AE%E5%B7%A8%E4%BA%BA%20S01E05.mkv",
            "進撃の巨人", 1, 5),
        .episode(
            "file:///tv/The%20Daily%20Show/Season%202024/The%20Daily%20Show%20-%202024-05-01%20-%20Guest.mkv",
            "The Daily Show", nil, nil, episodeTitle: "Guest", airDate: "2024-05-01"),
        .episode(
            "/media/tv/Dark/Season 2/Dark - 2x05 - Lost and Found.mkv", "Dark", 2, 5, episodeTitle: "Lost and Found"),
        .episode(
            "/mnt/media/Series/Sherlock/Series 3/Sherlock - S03E01 - The Empty Hearse.mkv", "Sherlock", 3, 1,
            episodeTitle: "The Empty Hearse"),
        .episode("/tv/Frasier/Season 3/Frasier - 03 - Shrink Rap.mkv", "Frasier", 3, 3, episodeTitle: "Shrink Rap"),
        .anime(
            "/anime/[SubsPlease] Sousou no Frieren (01-28) (1080p) [Batch]/[SubsPlease] Sousou no Frieren - 07 (1080p) [ABCD1234].mkv",
            "Sousou no Frieren", 7),
        .anime(
            "/anime/Cowboy Bebop/[Coalgirls] Cowboy Bebop - 05 (1920x1080 Blu-ray FLAC) [A1B2C3D4].mkv", "Cowboy Bebop",
            5),
        .episode(
            "/anime/Frieren/Season 1/[SubsPlease] Sousou no Frieren - 07 (1080p) [ABCD1234].mkv", "Sousou no Frieren",
            1, 7, anime: true),
        .movie("/media/Movies/Fight Club (1999)/movie.mkv", "Fight Club", 1999),
        .movie("/media/Movies/Fight Club (1999)/Fight Club.mkv", "Fight Club", 1999),
        .movie("/media/Movies/Fight Club (1999)/Fight Club (1999).mkv", "Fight Club", 1999),
        .movie(
            "/media/Movies/Fight Club (1999) {tmdb-550}/Fight Club (1999) {tmdb-550}.mkv", "Fight Club", 1999, tmdb: 550
        ),
        .movie(
            "/movies/Fight Club (1999) {tmdb-550}/Fight Club (1999) [imdbid-tt0137523].mkv", "Fight Club", 1999,
            tmdb: 550, imdb: "tt0137523"),
        .movie("/movies/The Matrix (1999) [imdbid-tt0133093]/The Matrix.mkv", "The Matrix", 1999, imdb: "tt0133093"),
        .movie("/data/The.Matrix.1999.1080p.BluRay.x264-GRP/VIDEO_TS/VTS_01_1.VOB", "The Matrix", 1999),
        .movie("/data/Movies/Heat (1995)/VIDEO_TS/VTS_02_3.VOB", "Heat", 1995),
        .movie("/data/Movies/Inception (2010)/BDMV/STREAM/00800.m2ts", "Inception", 2010),
        .movie("/data/Inception.2010.COMPLETE.BLURAY-UNTOUCHED/BDMV/STREAM/00001.m2ts", "Inception", 2010),
        .movie("/data/Movies/Titanic (1997)/CD2/titanic.avi", "Titanic", 1997, part: 2),
        .movie("/data/Movies/Titanic (1997)/Disc 1/VIDEO_TS/VTS_01_1.VOB", "Titanic", 1997, part: 1),
        .movie(
            "/downloads/Oppenheimer.2023.1080p.WEBRip.x265-RARBG/Oppenheimer.2023.1080p.WEBRip.x265-RARBG.mp4",
            "Oppenheimer", 2023),
        .movie("/downloads/Oppenheimer.2023.1080p.WEBRip.x265-RARBG/rarbg-oppenheimer-1080p.mp4", "Oppenheimer", 2023),
        .movie("/downloads/The.Batman.2022.1080p.WEB-DL.DDP5.1.Atmos.H.264-CMRG/c8f1d2e3a4b5.mkv", "The Batman", 2022),
        .movie("/media/movies/Blade Runner (1982)/Blade Runner - The Final Cut.mkv", "Blade Runner", 1982),
        .movie("/media/movies/Inception/movie.mkv", "Inception"),
        .movie("/media/movies/Inception/title_t00.mkv", "Inception"),
        .movie("/media/movies/Heat (1995)/Heat.mkv", "Heat", 1995),
        .movie("file:///media/films/Am%C3%A9lie%20(2001)/Am%C3%A9lie%20(2001).mkv", "Amélie", 2001),
        .movie(
            "file:///mnt/media/Movies/Blade%20Runner%202049%20(2017)/Blade.Runner.2049.2017.2160p.mkv",
            "Blade Runner 2049", 2017),
        .movie("file:///home/bob/Videos/Ocean%27s%20Eleven%20(2001).mkv", "Ocean's Eleven", 2001),
        .movie(
            "file:///home/bob/Videos/%E5%8D%83%E3%81%A8%E5%8D%83%E5%B0%8B%E3%81%AE%E7%A5%9E%E9%9A%A0%E3%81%97%20(2001).mkv",
            "千と千尋の神隠し", 2001),
        .movie(
            "file:///home/bob/Videos/Crouching%20Tiger%2C%20Hidden%20Dragon%20(2000).mkv",
            "Crouching Tiger, Hidden Dragon", 2000),
        .movie("file://localhost/home/bob/Movies/Heat%20(1995).mkv", "Heat", 1995),
        .movie("file:///home/bob/Videos/100%25%20Wolf%20(2020).mkv", "100% Wolf", 2020),
        .movie("file:///home/bob/Downloads/Se7en%20(1995)%20%5B1080p%5D.mkv", "Se7en", 1995),
        .movie("/home/bob/Downloads/Fight Club (1999).mkv", "Fight Club", 1999),
        .movie("/home/bob/Movies/Léon (1994).mkv", "Léon", 1994),
        .movie(
            "/media/Movies/Gone with the Wind (1939)/Gone with the Wind (1939) - Part 2.mkv", "Gone with the Wind",
            1939, part: 2),
        .movie("/media/Movies/Kill Bill Vol. 1 (2003)/Kill Bill Vol. 1 (2003).mkv", "Kill Bill Vol. 1", 2003),
        .episode("/anime/Naruto/Naruto 001.mkv", "Naruto", nil, 1),
        .episode(
            "/tv/Mythbusters/Season 2003/MythBusters - S2003E01 - Jet Assisted Chevy.mkv", "MythBusters", 2003, 1,
            year: 2003, episodeTitle: "Jet Assisted Chevy"),
        .episode(
            "/tv/The Office (US)/Season 3/3x01 Gay Witch Hunt.avi", "The Office", 3, 1, episodeTitle: "Gay Witch Hunt"),
        .episode("/tv/Show/Season 1/Episode 01 - Pilot.mkv", "Show", 1, 1, episodeTitle: "Pilot"),
        .episode("/tv/Show/Season 01/Show S01 E01.mkv", "Show", 1, 1),
        .episode("/tv/Show/S01/E01.mkv", "Show", 1, 1),
        .episode(
            "/tv/The.Walking.Dead.S11.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb/The.Walking.Dead.S11E01.Acheron.Part.I.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb.mkv",
            "The Walking Dead", 11, 1, episodeTitle: "Acheron Part I"),
        .notMedia("/home/x/Videos/VID_20240501_123456.mp4"),
        .movie("/media/Movies/Toy Story 4 (2019)/Toy.Story.4.2019.1080p.BluRay.x264-SPARKS.mkv", "Toy Story 4", 2019),
        .anime("/anime/[SubsPlease] Sousou no Frieren (01-28) (1080p) [Batch]/07.mkv", "Sousou no Frieren", 7),
        .episode(
            "/tv/Planet Earth/01 - From Pole to Pole.mkv", "Planet Earth", nil, 1, episodeTitle: "From Pole to Pole"),
        .movie("/movies/Classics/300.mkv", "300"),
        .movie("/movies/Heat (1995)/01.mkv", "Heat", 1995),
        .movie("/movies/2012.mkv", "2012"),
        .movie("/movies/Heat (1995)/VIDEO_TS/VIDEO_TS.VOB", "Heat", 1995),
        .episode(
            "/anime/Frieren (2023)/Season 1/Frieren - S01E07 - 007 - Frieren the Slayer [WEBDL-1080p].mkv", "Frieren",
            1, 7, year: 2023, episodeTitle: "Frieren the Slayer"),
    ]
}
