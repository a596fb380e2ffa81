/// Date-based shows, specials (season 0), season packs, word-spelled numbering, multi-episode ranges and shows
/// whose titles contain numbers or years.
enum DateAndSpecialCorpus {
    static let cases: [IdentificationCase] = [
        .episode(
            "The.Daily.Show.2024.05.01.Jon.Stewart.720p.WEB.h264-EDITH", "The Daily Show", nil, nil,
            episodeTitle: "Jon Stewart", airDate: "2024-05-01"),
        .episode(
            "The.Tonight.Show.Starring.Jimmy.Fallon.2023.11.15.Tom.Hanks.720p.WEB.h264-EDITH.mkv",
            "The Tonight Show Starring Jimmy Fallon", nil, nil, episodeTitle: "Tom Hanks", airDate: "2023-11-15"),
        .episode(
            "Late.Night.with.Seth.Meyers.2024.01.09.1080p.WEB.h264-EDITH", "Late Night with Seth Meyers", nil, nil,
            airDate: "2024-01-09"),
        .episode("Jeopardy.2024.03.12.720p.HDTV.x264-NTb", "Jeopardy", nil, nil, airDate: "2024-03-12"),
        .episode(
            "WWE.Monday.Night.Raw.2024.02.26.720p.HDTV.h264-Star", "WWE Monday Night Raw", nil, nil,
            airDate: "2024-02-26"),
        .episode(
            "Last Week Tonight with John Oliver - 2024-04-28.mkv", "Last Week Tonight with John Oliver", nil, nil,
            airDate: "2024-04-28"),
        .episode(
            "Real.Time.with.Bill.Maher.2024.05.03.1080p.WEB.h264-EDITH", "Real Time with Bill Maher", nil, nil,
            airDate: "2024-05-03"),
        .episode(
            "Conan.2010.11.08.Seth.Rogen.HDTV.XviD", "Conan", nil, nil, episodeTitle: "Seth Rogen",
            airDate: "2010-11-08"),
        .episode("60.Minutes.2024.03.10.720p.WEB.h264-EDITH", "60 Minutes", nil, nil, airDate: "2024-03-10"),
        .episode("The Daily Show 2024_05_01.mp4", "The Daily Show", nil, nil, airDate: "2024-05-01"),
        .episode(
            "Doctor.Who.2005.S00E145.The.Church.on.Ruby.Road.1080p.WEB-DL", "Doctor Who", 0, 145, year: 2005,
            episodeTitle: "The Church on Ruby Road"),
        .episode(
            "Top.Gear.S00E12.Botswana.Special.720p.BluRay.x264", "Top Gear", 0, 12, episodeTitle: "Botswana Special"),
        .episode(
            "Sherlock.Special.S00E04.The.Abominable.Bride.1080p.BluRay", "Sherlock Special", 0, 4,
            episodeTitle: "The Abominable Bride"),
        .episode("Game.of.Thrones.S01.1080p.BluRay.x264-ROVERS", "Game of Thrones", 1, nil),
        .episode("Breaking Bad Season 3 Complete 720p", "Breaking Bad", 3, nil),
        .episode("The.Wire.S01-S05.COMPLETE.1080p.BluRay.x264", "The Wire", 1, nil),
        .episode(
            "Friends.Season.1.Episode.5.The.One.with.the.East.German.Laundry.Detergent.avi", "Friends", 1, 5,
            episodeTitle: "The One with the East German Laundry Detergent"),
        .episode(
            "Friends - Season 2 - Episode 07 - The One Where Ross Finds Out.mkv", "Friends", 2, 7,
            episodeTitle: "The One Where Ross Finds Out"),
        .episode("Lost.Season1.Episode3.avi", "Lost", 1, 3),
        .episode("Dark Saison 2 Episode 4.mkv", "Dark", 2, 4),
        .episode("Babylon Berlin Staffel 3 Folge 5.mkv", "Babylon Berlin", 3, 5),
        .episode("Money Heist Temporada 2 Episodio 6.mp4", "Money Heist", 2, 6),
        .episode("Planet Earth II - Episode 1 - Islands.mkv", "Planet Earth II", nil, 1, episodeTitle: "Islands"),
        .episode(
            "Band of Brothers - Part 3 of 10 - Carentan.mkv", "Band of Brothers", nil, 3, episodeTitle: "Carentan"),
        .episode("Blue.Planet.II.2of7.One.Ocean.1080p.BluRay", "Blue Planet II", nil, 2, episodeTitle: "One Ocean"),
        .episode("The.Simpsons.S10E01-03.DVDRip.XviD", "The Simpsons", 10, 1, end: 3),
        .episode(
            "Stargate.SG-1.S01E01E02.Children.of.the.Gods.DVDRip", "Stargate SG-1", 1, 1, end: 2,
            episodeTitle: "Children of the Gods"),
        .episode(
            "Star.Trek.Deep.Space.Nine.S07E25-E26.What.You.Leave.Behind.DVDRip", "Star Trek Deep Space Nine", 7, 25,
            end: 26, episodeTitle: "What You Leave Behind"),
        .episode("Lost - 6x17-18 - The End.avi", "Lost", 6, 17, end: 18, episodeTitle: "The End"),
        .episode("The.Office.S02E01-S02E02.720p.mkv", "The Office", 2, 1, end: 2),
        .episode("Only Fools and Horses S07E01E02E03.avi", "Only Fools and Horses", 7, 1, end: 3),
        .episode(
            "Dexter.New.Blood.S01E10.Sins.of.the.Father.1080p.AMZN.WEB-DL", "Dexter New Blood", 1, 10,
            episodeTitle: "Sins of the Father"),
        .episode("Beverly.Hills.90210.S02E05.DVDRip.XviD", "Beverly Hills 90210", 2, 5),
        .episode("3rd.Rock.from.the.Sun.S01E01.DVDRip", "3rd Rock from the Sun", 1, 1),
        .episode("The.4400.S01E01.720p.WEB-DL", "The 4400", 1, 1),
        .episode(
            "Brooklyn.Nine-Nine.S08E10.Last.Day.Part.2.1080p.WEB.H264", "Brooklyn Nine-Nine", 8, 10,
            episodeTitle: "Last Day Part 2"),
        .episode("Fargo.2014.S05E01.1080p.HULU.WEB-DL.DDP5.1.H.264-NTb", "Fargo", 5, 1, year: 2014),
        .episode("The.Flash.2014.S09E13.1080p.WEB.H264-CAKES", "The Flash", 9, 13, year: 2014),
        .episode(
            "Cosmos.1980.S01E01.The.Shores.of.the.Cosmic.Ocean.DVDRip", "Cosmos", 1, 1, year: 1980,
            episodeTitle: "The Shores of the Cosmic Ocean"),
        .episode("Space.1999.S01E01.Breakaway.1080p.BluRay", "Space", 1, 1, year: 1999, episodeTitle: "Breakaway"),
        .episode(
            "Star Trek (1966) - S01E01 - The Man Trap.mkv", "Star Trek", 1, 1, year: 1966, episodeTitle: "The Man Trap"),
        .episode("S.W.A.T.2017.S07E13.1080p.WEB.h264-ETHEL", "S W A T", 7, 13, year: 2017),
        .episode("Ghosts.US.S03E01.720p.HDTV.x264-SYNCOPY", "Ghosts", 3, 1, country: "US"),
        .episode("Ghosts.2019.S05E01.1080p.iP.WEB-DL.AAC2.0.H.264", "Ghosts", 5, 1, year: 2019),
        .episode(
            "Its.Always.Sunny.in.Philadelphia.S01E01.The.Gang.Gets.Racist.DVDRip", "Its Always Sunny in Philadelphia",
            1, 1, episodeTitle: "The Gang Gets Racist"),
        .episode(
            "The.Mandalorian.S03E08.Chapter.24.The.Return.2160p.DSNP.WEB-DL", "The Mandalorian", 3, 8,
            episodeTitle: "Chapter 24 The Return"),
        .episode(
            "Twin.Peaks.S02E22.Beyond.Life.and.Death.1080p.BluRay", "Twin Peaks", 2, 22,
            episodeTitle: "Beyond Life and Death"),
        .episode(
            "M.A.S.H.S11E16.Goodbye.Farewell.and.Amen.DVDRip.XviD", "M A S H", 11, 16,
            episodeTitle: "Goodbye Farewell and Amen"),
        .episode("Show.Name.S2024E05.720p.WEB.h264", "Show Name", 2024, 5, year: 2024),
        .episode("/tv/Blue Planet/1 of 6.mkv", "Blue Planet", nil, 1),
        .episode("Blue Planet Part 1 of 6.mkv", "Blue Planet", nil, 1),
        .episode("Le Bureau des Légendes Saison 2 Épisode 3.mkv", "Le Bureau des Légendes", 2, 3),
        .episode("La Casa de Papel Temporada 1 Capitulo 4.mp4", "La Casa de Papel", 1, 4),
    ]
}
