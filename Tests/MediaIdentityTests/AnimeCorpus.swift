/// Fansub and anime release names: `[Group] Title - 07 [1080p][CRC]`, absolute numbers, versions, seasons
/// written the anime way, batches.
enum AnimeCorpus {
    static let cases: [IdentificationCase] = [
        .anime("[SubsPlease] Sousou no Frieren - 07 (1080p) [ABCD1234].mkv", "Sousou no Frieren", 7),
        .anime("[SubsPlease] Jujutsu Kaisen - 24 (1080p) [3F1D2E5A].mkv", "Jujutsu Kaisen", 24),
        .anime("[Erai-raws] Spy x Family - 12 [1080p][Multiple Subtitle][9A8B7C6D].mkv", "Spy x Family", 12),
        .anime("[HorribleSubs] One Piece - 1015 [720p].mkv", "One Piece", 1015),
        .anime("[HorribleSubs] Boku no Hero Academia - 88 [1080p].mkv", "Boku no Hero Academia", 88),
        .anime("[Judas] Shingeki no Kyojin - 75 [1080p][HEVC x265 10bit][Eng-Subs].mkv", "Shingeki no Kyojin", 75),
        .anime("[Commie] Steins;Gate - 01 [BD 720p AAC] [3BE8D8BF].mkv", "Steins;Gate", 1),
        .anime(
            "[Coalgirls] Clannad After Story - 18 (1920x1080 Blu-Ray FLAC) [5B6A3E2F].mkv", "Clannad After Story", 18),
        .anime("[Golumpa] Made in Abyss - 05v2 [1080p].mkv", "Made in Abyss", 5),
        .anime("[FFF] Kill la Kill - 03v2 [BD][1080p-FLAC][D1A2B3C4].mkv", "Kill la Kill", 3),
        .anime("[SubsPlease] Mob Psycho 100 III - 12 (1080p) [4D1E5A2B].mkv", "Mob Psycho 100 III", 12),
        .anime(
            "[SubsPlease] Kaguya-sama wa Kokurasetai S3 - 05 (1080p) [E2A5C3F1].mkv", "Kaguya-sama wa Kokurasetai", 5,
            season: 3),
        .anime("[SubsPlease] Oshi no Ko S2 - 01 (1080p) [1234ABCD].mkv", "Oshi no Ko", 1, season: 2),
        .anime("[Erai-raws] Shingeki no Kyojin Season 3 - 10 [1080p].mkv", "Shingeki no Kyojin", 10, season: 3),
        .anime("[Judas] Vinland Saga S02E05 [1080p][HEVC].mkv", "Vinland Saga", 5, season: 2),
        .anime("[SubsPlease] Dungeon Meshi - 01 (1080p) [DC2D1B6F].mkv", "Dungeon Meshi", 1),
        .anime("[SubsPlease] Frieren - 28 (720p) [7A1B2C3D].mkv", "Frieren", 28),
        .anime("[ASW] Blue Lock - 13 [1080p HEVC][0D1A2B3C].mkv", "Blue Lock", 13),
        .anime(
            "[Anime Time] Naruto Shippuden - 500 [1080p][HEVC 10bit x265][AAC][Multi Sub].mkv", "Naruto Shippuden", 500),
        .anime("[DB] Cowboy Bebop - 05 (Dual Audio_10bit_BD1080p_x265).mkv", "Cowboy Bebop", 5),
        .anime(
            "[Kametsu] Neon Genesis Evangelion - 26 (BD 1080p Hi10 FLAC) [2A3B4C5D].mkv", "Neon Genesis Evangelion", 26),
        .anime("[SubsPlease] Bocchi the Rock! - 12 (1080p) [8E9F0A1B].mkv", "Bocchi the Rock!", 12),
        .anime(
            "[Erai-raws] Tensei shitara Slime Datta Ken 3rd Season - 03 [1080p].mkv", "Tensei shitara Slime Datta Ken",
            3, season: 3),
        .anime("[Erai-raws] Kimetsu no Yaiba - 2nd Season - 05 [1080p].mkv", "Kimetsu no Yaiba", 5, season: 2),
        .anime("[SubsPlease] Chainsaw Man - 01 (1080p) [A1B2C3D4].mkv", "Chainsaw Man", 1),
        .anime("[Nep_Blanc] Tokyo Ghoul 01 [1080p].mkv", "Tokyo Ghoul", 1),
        .anime("[Ohys-Raws] Yuru Camp 05 (BS11 1280x720 x264 AAC).mp4", "Yuru Camp", 5),
        .anime("[Leopard-Raws] Gintama 265 RAW (TX 1280x720 x264 AAC).mp4", "Gintama", 265),
        .anime("[Tsundere] Toradora! - 25 [BDRip h264 1920x1080 10bit FLAC][9E2F1A3B].mkv", "Toradora!", 25),
        .anime("[Moozzi2] Code Geass - 01 (BD 1920x1080 x.264 Flac).mkv", "Code Geass", 1),
        .anime("[Hi10] Cowboy Bebop - 01 [BD 1080p] [Dual Audio].mkv", "Cowboy Bebop", 1),
        .anime("[SubsPlease] Ao no Hako - 10 (1080p) [B9C8D7E6].mkv", "Ao no Hako", 10),
        .anime("[SubsPlease] Dandadan - 07 (1080p) [ABCDEF12].mkv", "Dandadan", 7),
        .anime("[EMBER] Spy x Family (2022) (Season 1) - 03 [1080p].mkv", "Spy x Family", 3, season: 1, year: 2022),
        .anime("[Beatrice-Raws] Violet Evergarden 05 [BDRip 1920x1080 HEVC FLAC].mkv", "Violet Evergarden", 5),
        .anime("[SubsPlease] Kusuriya no Hitorigoto - 24 (1080p) [3A4B5C6D].mkv", "Kusuriya no Hitorigoto", 24),
        .anime(
            "[Anime Land] Detective Conan 1120 (WEBRip 1080p Hi10P AAC) RAW [ABCD1234].mp4", "Detective Conan", 1120),
        .anime("[SubsPlease] One Piece - 1100 (1080p) [F00DBABE].mkv", "One Piece", 1100),
        .anime("[Judas] Jujutsu Kaisen - S02E10.mkv", "Jujutsu Kaisen", 10, season: 2),
        .anime("[SubsPlease] Kaiju No. 8 - 04 (1080p) [C0FFEE11].mkv", "Kaiju No. 8", 4),
        .anime(
            "[SubsPlease] Re Zero kara Hajimeru Isekai Seikatsu - 51 (1080p) [1A2B3C4D].mkv",
            "Re Zero kara Hajimeru Isekai Seikatsu", 51),
        .anime("[SubsPlease] Hunter x Hunter (2011) - 148 (1080p) [ABCDEF01].mkv", "Hunter x Hunter", 148, year: 2011),
        .anime("[Erai-raws] Bleach - Sennen Kessen-hen - 13 [1080p].mkv", "Bleach - Sennen Kessen-hen", 13),
        .anime(
            "[SubsPlease] Tokyo Revengers - 37 - The Fateful Night (1080p) [5D6E7F80].mkv", "Tokyo Revengers", 37,
            episodeTitle: "The Fateful Night"),
        .anime("[Tsundere-Raws] Akane-banashi - 08 [WEB 1080p].mkv", "Akane-banashi", 8),
        .anime("[SubsPlease] Mushoku Tensei S2 - 13 (1080p) [7E8F9A0B].mkv", "Mushoku Tensei", 13, season: 2),
        .anime(
            "[Cleo] Fullmetal Alchemist Brotherhood - 64 [Dual Audio 10bit BD1080p][HEVC-x265].mkv",
            "Fullmetal Alchemist Brotherhood", 64),
        .anime(
            "Cowboy Bebop - 01 - Asteroid Blues [BD 1080p] [ABCD1234].mkv", "Cowboy Bebop", 1,
            episodeTitle: "Asteroid Blues"),
        .anime("Sousou no Frieren - 07 [1080p][ABCD1234].mkv", "Sousou no Frieren", 7),
        .anime("[SubsPlease] Kimi ni Todoke S3 - 05 [1080p] [1F2E3D4C].mkv", "Kimi ni Todoke", 5, season: 3),
        .anime("[Erai-raws] Dr. Stone - New World - 11 [1080p].mkv", "Dr. Stone - New World", 11),
        .anime(
            "[SubsPlease] Shingeki no Kyojin (The Final Season) - 28 (1080p) [1234ABCD].mkv", "Shingeki no Kyojin", 28),
        .anime(
            "[Judas] Kimetsu no Yaiba (Season 2) - 05 [1080p][HEVC x265 10bit][Multi-Subs].mkv", "Kimetsu no Yaiba", 5,
            season: 2),
        .anime(
            "[Erai-raws] Boku no Hero Academia 5th Season - 01 [1080p][Multiple Subtitle].mkv", "Boku no Hero Academia",
            1, season: 5),
        .anime("[SubsPlease] 86 - Eighty Six - 12 (1080p) [ABCD1234].mkv", "86 - Eighty Six", 12),
        .anime(
            "[Yameii] Frieren Beyond Journey's End - S01E07 [English Dub] [CR WEB-DL 1080p] [ABCD1234].mkv",
            "Frieren Beyond Journey's End", 7, season: 1),
        .anime("[CameEsp] Naruto - 001 [1080p][ESP-ENG].mkv", "Naruto", 1),
        .movie("[SubsPlease] Jujutsu Kaisen 0 (1080p) [ABCD1234].mkv", "Jujutsu Kaisen 0"),
        .movie("[Coalgirls] Spirited Away (1920x1040 Blu-ray FLAC) [F7B52B84].mkv", "Spirited Away"),
        .episode("One.Piece.E1071.1080p.WEB.H264-SENPAI", "One Piece", nil, 1071),
        .episode("Dragon Ball Z - 001 - The New Threat.mkv", "Dragon Ball Z", nil, 1, episodeTitle: "The New Threat"),
        .anime("[Group] Some Anime Title - 12 END [1080p].mkv", "Some Anime Title", 12),
        .movie("[Group] Some Anime Title Movie 2 [BD 1080p].mkv", "Some Anime Title Movie 2"),
    ]
}
