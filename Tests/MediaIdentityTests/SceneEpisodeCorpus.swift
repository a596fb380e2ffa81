/// Scene and P2P episode names: every common way of writing season and episode, with release noise around.
enum SceneEpisodeCorpus {
    static let cases: [IdentificationCase] = [
        .episode(
            "The.Expanse.S02E05.Home.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb.mkv", "The Expanse", 2, 5, episodeTitle: "Home"),
        .episode(
            "Breaking.Bad.S05E14.Ozymandias.720p.WEB-DL.DD5.1.H.264-BS.mkv", "Breaking Bad", 5, 14,
            episodeTitle: "Ozymandias"),
        .episode("Game.of.Thrones.S08E03.1080p.WEB.H264-MEMENTO", "Game of Thrones", 8, 3),
        .episode("the.mandalorian.s02e08.2160p.web.h265-glhf.mkv", "the mandalorian", 2, 8),
        .episode(
            "Stranger.Things.S04E09.Chapter.Nine.The.Piggyback.2160p.NF.WEB-DL.DDP5.1.Atmos.HDR.HEVC-CMRG.mkv",
            "Stranger Things", 4, 9, episodeTitle: "Chapter Nine The Piggyback"),
        .episode(
            "Severance.S02E01.Hello.Ms.Cobel.1080p.ATVP.WEB-DL.DDP5.1.Atmos.H.264-FLUX.mkv", "Severance", 2, 1,
            episodeTitle: "Hello Ms Cobel"),
        .episode(
            "The.Last.of.Us.S01E03.Long.Long.Time.1080p.HMAX.WEB-DL.DDP5.1.Atmos.H.264-SMURF.mkv", "The Last of Us", 1,
            3, episodeTitle: "Long Long Time"),
        .episode("House.of.the.Dragon.S02E04.720p.HEVC.x265-MeGusta.mkv", "House of the Dragon", 2, 4),
        .episode(
            "Succession.S04E10.With.Open.Eyes.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb", "Succession", 4, 10,
            episodeTitle: "With Open Eyes"),
        .episode(
            "The.Bear.S03E01.Tomorrow.2160p.HULU.WEB-DL.DDP5.1.DV.HDR.H.265-FLUX", "The Bear", 3, 1,
            episodeTitle: "Tomorrow"),
        .episode(
            "Shogun.2024.S01E01.Anjin.1080p.DSNP.WEB-DL.DDP5.1.H.264-NTb.mkv", "Shogun", 1, 1, year: 2024,
            episodeTitle: "Anjin"),
        .episode(
            "Doctor.Who.2005.S04E12.The.Stolen.Earth.720p.BluRay.x264-SHORTBREHD", "Doctor Who", 4, 12, year: 2005,
            episodeTitle: "The Stolen Earth"),
        .episode(
            "Battlestar.Galactica.2004.S01E01.33.1080p.BluRay.x264-ROVERS", "Battlestar Galactica", 1, 1, year: 2004,
            episodeTitle: "33"),
        .episode("The.Office.US.S05E10.720p.HDTV.x264-CTU.mkv", "The Office", 5, 10, country: "US"),
        .episode(
            "Shameless.US.S11E12.Father.Frank.Full.of.Grace.1080p.AMZN.WEBRip.DDP5.1.x264-NTb", "Shameless", 11, 12,
            episodeTitle: "Father Frank Full of Grace", country: "US"),
        .episode("Top.Gear.UK.S22E01.HDTV.x264-FoV", "Top Gear", 22, 1, country: "UK"),
        .episode(
            "Mr.Robot.S01E01.eps1.0_hellofriend.mov.1080p.BluRay.x264", "Mr Robot", 1, 1,
            episodeTitle: "eps1 0 hellofriend mov"),
        .episode(
            "Band.of.Brothers.S01E02.Day.of.Days.1080p.BluRay.x264-SiNNERS", "Band of Brothers", 1, 2,
            episodeTitle: "Day of Days"),
        .episode("true.detective.s01e04.720p.hdtv.x264-2hd.mkv", "true detective", 1, 4),
        .episode(
            "Chernobyl.S01E05.Vichnaya.Pamyat.2160p.UHD.BluRay.x265-B0MBARDiERS", "Chernobyl", 1, 5,
            episodeTitle: "Vichnaya Pamyat"),
        .episode("The_Wire_S03E11_Middle_Ground_720p_BluRay.mkv", "The Wire", 3, 11, episodeTitle: "Middle Ground"),
        .episode("Lost S01E01 Pilot Part 1 720p BluRay x264.mkv", "Lost", 1, 1, episodeTitle: "Pilot Part 1"),
        .episode("The Sopranos - S06E21 - Made in America.mkv", "The Sopranos", 6, 21, episodeTitle: "Made in America"),
        .episode(
            "Better Call Saul - S01E02 - Mijo (1080p BluRay x265 Silence).mkv", "Better Call Saul", 1, 2,
            episodeTitle: "Mijo"),
        .episode("Firefly - S01E01 - Serenity [1080p x265 10bit Joy].mkv", "Firefly", 1, 1, episodeTitle: "Serenity"),
        .episode(
            "The Twilight Zone (1959) - S01E08 - Time Enough at Last.mkv", "The Twilight Zone", 1, 8, year: 1959,
            episodeTitle: "Time Enough at Last"),
        .episode(
            "Westworld (2016) - S03E08 - Crisis Theory [WEBDL-2160p][HDR10][EAC3 Atmos 5.1][h265]-NTb.mkv", "Westworld",
            3, 8, year: 2016, episodeTitle: "Crisis Theory"),
        .episode("Dark S01E01 Secrets.mkv", "Dark", 1, 1, episodeTitle: "Secrets"),
        .episode("Fargo.s2e3.mkv", "Fargo", 2, 3),
        .episode("south.park.s26e1.mkv", "south park", 26, 1),
        .episode("Seinfeld.S09E23E24.The.Finale.DVDRip.XviD", "Seinfeld", 9, 23, end: 24, episodeTitle: "The Finale"),
        .episode("Friends.S03E01E02.720p.BluRay.x264-PSYCHD.mkv", "Friends", 3, 1, end: 2),
        .episode("The.Simpsons.S35E01-E03.1080p.WEB.h264-ETHEL", "The Simpsons", 35, 1, end: 3),
        .episode("Twin.Peaks.S03E01-02.1080p.WEB-DL.mkv", "Twin Peaks", 3, 1, end: 2),
        .episode("Sherlock.S04E01E02E03.1080p.BluRay.x264", "Sherlock", 4, 1, end: 3),
        .episode(
            "Star.Trek.The.Next.Generation.S03E26.The.Best.of.Both.Worlds.Part.1.1080p.BluRay.x264-SADPANDA",
            "Star Trek The Next Generation", 3, 26, episodeTitle: "The Best of Both Worlds Part 1"),
        .episode(
            "Game of Thrones - 1x01-02 - Winter Is Coming.avi", "Game of Thrones", 1, 1, end: 2,
            episodeTitle: "Winter Is Coming"),
        .episode("Scrubs 1x01 My First Day.avi", "Scrubs", 1, 1, episodeTitle: "My First Day"),
        .episode("scrubs.01x02.my.mentor.dvdrip.xvid.avi", "scrubs", 1, 2, episodeTitle: "my mentor"),
        .episode("Futurama - 2x03 - A Head in the Polls.mkv", "Futurama", 2, 3, episodeTitle: "A Head in the Polls"),
        .episode("Frasier 10x23-24 Farewell Nervosa.avi", "Frasier", 10, 23, end: 24, episodeTitle: "Farewell Nervosa"),
        .episode("The X-Files 5x12.mkv", "The X-Files", 5, 12),
        .episode("Spider-Man.The.Animated.Series.S01E01.DVDRip.x264", "Spider-Man The Animated Series", 1, 1),
        .episode(
            "Its.Always.Sunny.in.Philadelphia.S16E08.1080p.WEB.H264-SuccessfulCrab[TGx]",
            "Its Always Sunny in Philadelphia", 16, 8),
        .episode("Marvels.Agents.of.S.H.I.E.L.D.S07E13.1080p.WEB-DL.mkv", "Marvels Agents of S H I E L D", 7, 13),
        .episode("Grey's Anatomy S20E01 720p HDTV x264-SYNCOPY.mkv", "Grey's Anatomy", 20, 1),
        .episode("Law.and.Order.SVU.S25E01.720p.HDTV.x264-SYNCOPY", "Law and Order SVU", 25, 1),
        .episode("9-1-1.S07E01.1080p.WEB.h264-ETHEL.mkv", "9-1-1", 7, 1),
        .episode("24.S08E24.720p.BluRay.x264-REWARD", "24", 8, 24),
        .episode("1923.S01E01.1923.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb", "1923", 1, 1, episodeTitle: nil),
        .episode("The.100.S07E16.The.Last.War.1080p.AMZN.WEB-DL", "The 100", 7, 16, episodeTitle: "The Last War"),
        .episode("Numb3rs.S01E01.Pilot.DVDRip.XviD-SAiNTS", "Numb3rs", 1, 1, episodeTitle: "Pilot"),
        .episode(
            "Halt.and.Catch.Fire.S04E10.Ten.of.Swords.PROPER.720p.HDTV.x264-KILLERS", "Halt and Catch Fire", 4, 10,
            episodeTitle: "Ten of Swords"),
        .episode("Vikings.S06E20.REPACK.1080p.WEB.H264-GHOSTS", "Vikings", 6, 20),
        .episode(
            "The.Crown.S01E01.Wolferton.Splash.INTERNAL.1080p.NF.WEBRip.x264", "The Crown", 1, 1,
            episodeTitle: "Wolferton Splash"),
        .episode("Dexter.S01E01.FRENCH.720p.HDTV.x264", "Dexter", 1, 1),
        .episode("Dark.S03E08.GERMAN.DL.1080p.WEB.x264-WvF", "Dark", 3, 8),
        .episode("Money.Heist.S05E10.MULTi.1080p.NF.WEB-DL.x264", "Money Heist", 5, 10),
        .episode("La.Casa.de.Papel.S03E01.SPANISH.1080p.WEBRip.x265", "La Casa de Papel", 3, 1),
        .episode(
            "The.Walking.Dead.S11E24.Rest.in.Peace.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb", "The Walking Dead", 11, 24,
            episodeTitle: "Rest in Peace"),
        .episode("www.TamilBlasters.com - Mirzapur.S03E01.1080p.AMZN.WEB-DL.mkv", "Mirzapur", 3, 1),
        .episode("[ www.Torrenting.com ] - Yellowstone.S05E08.720p.WEB.x265-MiNX", "Yellowstone", 5, 8),
        .episode("The Mandalorian S01 E05.mkv", "The Mandalorian", 1, 5),
        .episode("Peaky.Blinders.S06.E06.1080p.mkv", "Peaky Blinders", 6, 6),
        .episode("Downton Abbey Season 2 Episode 3.avi", "Downton Abbey", 2, 3),
        .episode(
            "Sherlock Series 2 Episode 1 - A Scandal in Belgravia.mp4", "Sherlock", 2, 1,
            episodeTitle: "A Scandal in Belgravia"),
        .episode("Blue Planet II Episode 5.mkv", "Blue Planet II", nil, 5),
        .episode("Chernobyl Episode 2 Please Remain Calm.mkv", "Chernobyl", nil, 2, episodeTitle: "Please Remain Calm"),
        .episode("Cosmos.A.Spacetime.Odyssey.Ep05.720p.HDTV.x264", "Cosmos A Spacetime Odyssey", nil, 5),
        .episode("Planet.Earth.E03.Fresh.Water.1080p.BluRay.x264", "Planet Earth", nil, 3, episodeTitle: "Fresh Water"),
        .episode(
            "Planet.Earth.II.1of6.Islands.720p.HDTV.x264-C4TV", "Planet Earth II", nil, 1, episodeTitle: "Islands"),
        .episode(
            "The.World.at.War.Part.3.of.26.France.Falls.DVDRip", "The World at War", nil, 3,
            episodeTitle: "France Falls"),
        .episode("Hotel Babylon S01E01 (Xvid).avi", "Hotel Babylon", 1, 1),
        .episode("Rick and Morty S07E10 Fear No Mort 1080p.mkv", "Rick and Morty", 7, 10, episodeTitle: "Fear No Mort"),
        .episode("Bluey.2018.S03E25.1080p.WEB-DL.AAC2.0.H.264", "Bluey", 3, 25, year: 2018),
        .episode(
            "Ted.Lasso.S03E12.So.Long.Farewell.2160p.ATVP.WEB-DL.DDP5.1.Atmos.DV.HEVC-CasStudio", "Ted Lasso", 3, 12,
            episodeTitle: "So Long Farewell"),
        .episode(
            "The.Boys.S04E08.Assassination.Run.1080p.AMZN.WEB-DL.DDP5.1.H.264-FLUX.mkv", "The Boys", 4, 8,
            episodeTitle: "Assassination Run"),
        .episode("FROM.S03E10.1080p.WEB.H264-SuccessfulCrab.mkv", "FROM", 3, 10),
        .episode("Only.Murders.in.the.Building.S04E01.1080p.HEVC.x265-MeGusta", "Only Murders in the Building", 4, 1),
        .episode("The.Great.British.Bake.Off.S14E01.1080p.HDTV.H264-DARKFLiX", "The Great British Bake Off", 14, 1),
        .episode("Taskmaster.S16E03.1080p.HDTV.H264-DARKFLiX", "Taskmaster", 16, 3),
        .episode(
            "Outlander.S07E16.A.Hundred.Thousand.Angels.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb", "Outlander", 7, 16,
            episodeTitle: "A Hundred Thousand Angels"),
        .episode(
            "Fallout.S01E01.The.End.2160p.AMZN.WEB-DL.DDP5.1.Atmos.HDR10Plus.H.265-FLUX", "Fallout", 1, 1,
            episodeTitle: "The End"),
        .episode(
            "Andor.S01E07.Announcement.1080p.DSNP.WEB-DL.DDP5.1.Atmos.H.264-SMURF", "Andor", 1, 7,
            episodeTitle: "Announcement"),
        .episode("Twin Peaks s01e00 Pilot.mkv", "Twin Peaks", 1, 0, episodeTitle: "Pilot"),
        .episode("Doctor.Who.S00E47.The.Snowmen.720p.HDTV.x264", "Doctor Who", 0, 47, episodeTitle: "The Snowmen"),
        .episode("Sherlock.S00E01.Unaired.Pilot.720p.BluRay", "Sherlock", 0, 1, episodeTitle: "Unaired Pilot"),
        .episode("Black Mirror S04E01 USS Callister.mp4", "Black Mirror", 4, 1, episodeTitle: "USS Callister"),
        .episode(
            "The.Penguin.S01E01.After.Hours.1080p.MAX.WEB-DL.DDP5.1.Atmos.H.264-FLUX", "The Penguin", 1, 1,
            episodeTitle: "After Hours"),
        .episode(
            "Slow.Horses.S04E06.Hello.Goodbye.1080p.ATVP.WEB-DL.DDP5.1.Atmos.H.264-FLUX", "Slow Horses", 4, 6,
            episodeTitle: "Hello Goodbye"),
        .episode("Arcane.S02E09.1080p.NF.WEB-DL.DDP5.1.H.264-FLUX.mkv", "Arcane", 2, 9),
        .episode("Ozark.S04E14.1080p.WEB.H264-CAKES", "Ozark", 4, 14),
        .episode(
            "Derry.Girls.S03E07.The.Agreement.1080p.NF.WEB-DL", "Derry Girls", 3, 7, episodeTitle: "The Agreement"),
        .episode("The.Office.US.405.HDTV.XviD-LOL.avi", "The Office", 4, 5, country: "US"),
        .episode("lost.612.hdtv-lol.avi", "lost", 6, 12),
        .episode("Naruto Shippuden Episode 500 English Dubbed.mp4", "Naruto Shippuden", nil, 500),
        .episode("One Piece Episode 1071 English Sub.mp4", "One Piece", nil, 1071),
        .episode("Show.Name.S01-E02.720p.HDTV.x264", "Show Name", 1, 2),
        .episode("[Group]_Show_Title_-_05_[720p][ABCD1234].mkv", "Show Title", nil, 5, absolute: 5, anime: true),
        .episode("Show.Name.S01E01.E02.720p.HDTV.x264", "Show Name", 1, 1, end: 2),
        .episode("Breaking.Bad.S05E16.Felina.FiNAL.720p.HDTV.x264", "Breaking Bad", 5, 16, episodeTitle: "Felina"),
        .episode("Show.Name.S01E01.2019.1080p.WEB.h264-GRP", "Show Name", 1, 1, year: 2019),
        .episode("Show.Name.US.2019.S01E01.720p.HDTV.x264", "Show Name", 1, 1, year: 2019, country: "US"),
        .episode("the.show-s01e02.mkv", "the show", 1, 2),
        .episode("Spider-Man-1x05-Title.avi", "Spider-Man", 1, 5, episodeTitle: "Title"),
    ]
}
