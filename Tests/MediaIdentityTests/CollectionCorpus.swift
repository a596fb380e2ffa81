/// Names from download folders and old collections, given as they are (relative paths, Windows paths, bare
/// episode numbers, spelled seasons, extras): the families of issue 15, in names of our own.
enum CollectionCorpus {
    static let cases: [IdentificationCase] = [
        .movie("Films/Heat (1995)/Heat.1995.1080p.BluRay.DTS.x264-GRP.mkv", "Heat", 1995),
        .movie("Downloads/Movies/Alien (1979)/Alien.(1979).DC.BDRip.720p.x264-CHD.mkv", "Alien", 1979),
        .episode(
            "TV/Firefly/Firefly.04.Jaynestown.DVDRip.XviD-GRP.avi", "Firefly", nil, 4, episodeTitle: "Jaynestown"),
        .episode("Spaced.03.PDTV.XviD-GRP.avi", "Spaced", nil, 3),
        .episode("Black.Books.05.FRENCH.DVDRip.XviD-GRP.avi", "Black Books", nil, 5),
        .episode("07-Father.Ted.avi", "Father Ted", nil, 7),
        .episode("004. The IT Crowd - The Red Door.avi", "The IT Crowd", nil, 4, episodeTitle: "The Red Door"),
        .episode("[Fansub] 05 - Cowboy Bebop [DVD][480p].mkv", "Cowboy Bebop", nil, 5, absolute: 5, anime: true),
        .episode("[Some-Fansub] Bleach 366 VOSTFR (1280x720).mp4", "Bleach", nil, 366, absolute: 366, anime: true),
        .episode("Peep Show 21 VOSTFR HD", "Peep Show", nil, 21),
        .episode("Green.Wing.0203.PDTV-GRP", "Green Wing", 2, 3),
        .episode("Red Dwarf - 305 (05) - Polymorph.avi", "Red Dwarf", 3, 5, episodeTitle: "Polymorph"),
        .episode("Blackadder [204] Head.avi", "Blackadder", 2, 4, episodeTitle: "Head"),
        .episode("the.thick.of.it.2009.305.hdtv-grp.mkv", "the thick of it", 3, 5, year: 2009),
        .episode("Coupling.12.HDTV-GRP", "Coupling", nil, 12),
        .episode("Dead_Like_Me-s02-e05.mkv", "Dead Like Me", 2, 5),
        .episode("Brooklyn Nine-Nine - S03xE07.avi", "Brooklyn Nine-Nine", 3, 7),
        .episode("Sherlock-e02-The_Blind_Banker.mkv", "Sherlock", nil, 2, episodeTitle: "The Blind Banker"),
        .episode("Engrenages Saison IV FRENCH", "Engrenages", 4, nil),
        .episode("Les Revenants Saison deux", "Les Revenants", 2, nil),
        .episode("Kaamelott - Livre III - Ep 12 - L'Assassin.avi", "Kaamelott", 3, 12, episodeTitle: "L'Assassin"),
        .episode("Gomorra - Stagione 2 (2016) 720p ep04 grp.mkv", "Gomorra", 2, 4, year: 2016),
        .episode("El Ministerio - Temporada 2 [HDTV][Cap.205][Español Castellano]", "El Ministerio", 2, 5),
        .episode("Taskmaster.S2019E05.720p.HDTV.x264-GRP", "Taskmaster", 2019, 5, year: 2019),
        .episode(
            "Tom and Jerry 1945x03 Quiet Please.mkv", "Tom and Jerry", 1945, 3, year: 1945,
            episodeTitle: "Quiet Please"),
        .episode("The.Wire.S02D3.NTSC.DVDR-GRP", "The Wire", 2, nil),
        .episode("Jeopardy.04-15-2019.HDTV.XViD-GRP", "Jeopardy", nil, nil, airDate: "2019-04-15"),
        .episode(
            "Taskmaster.2019.Christmas.Special.HDTV.x264-GRP.mp4", "Taskmaster", 0, nil, year: 2019,
            episodeTitle: "Christmas Special"),
        .episode("Planet.Earth.Season.1of2.3of11.Caves.HDTV", "Planet Earth", 1, 3, episodeTitle: "Caves"),
        .episode(
            "D:\\Series\\Spaced\\Season 2\\Spaced - S02E03 - Mettle.mkv", "Spaced", 2, 3, episodeTitle: "Mettle"),
        .episode("Looney.Gags,.The.S01E02.avi", "The Looney Gags", 1, 2),
        .episode("Zoo.S02E05.1080p.WEB-DL.DD5.1.H.264-GRP/160725_02.mkv", "Zoo", 2, 5),
        .movie("(3)The Sting (1973).avi", "The Sting", 1973),
        .movie("Das.Boot.GERMAN.AC3D.DL.720p.BluRay.x264-GRP", "Das Boot"),
        .movie("Amelie.French.2001.DVDRip.XviD-GRP", "Amelie French", 2001),
        .movie("Pi.BRMux.720p", "Pi"),
        .movie("Leon.1994.1444x866.x264.mkv", "Leon", 1994),
        .movie("007.Spectre.[HDTC.MD].[TRUEFRENCH]", "007 Spectre"),
        .movie("/movies/Bond_Collection-f22-Quantum_of_Solace.mkv", "Quantum of Solace"),
        .movie(
            "/downloads/Brazil.1985.1080p.BluRay.x264-BLOW/blow-brazil.1985.1080p.bluray.x264.mkv", "Brazil", 1985),
        .movie("/downloads/Gattaca.1997.DVDRip.XviD-GRP/grp-gtc.avi", "Gattaca", 1997),
        .movie("Mon Oncle-1958-TRUEFRENCH-TVRip.Xvid-GRP.avi", "Mon Oncle", 1958),
        .movie("Baraka_Edition_Collector.avi", "Baraka"),
        .notMedia("/films/Brazil_Collection-x03-Making_Of.mkv"),
        .notMedia("/tv/Spaced/Spaced.S01Extras.-.Skip.to.the.End.DVDRip.XviD.avi"),
        .notMedia("Spaced/Spaced.S01E03.Epiphanies.DVDRip.XviD.srt"),
    ]
}
