/// The words release names add around a title (quality, source, codec, audio, edition, language, ...), split
/// into *strong* words that never belong to a title and *weak* words that only count when written as tags.
enum ReleaseVocabulary {
    /// Words that end a title wherever they appear: nobody names a film `x264`.
    static let strong: Set<String> = [
        // resolutions
        "2160p", "1440p", "1080p", "1080i", "720p", "720i", "576p", "576i", "540p", "480p", "480i", "360p", "240p",
        "4k", "8k", "uhd", "fhd", "1920x1080", "1280x720", "3840x2160", "1920x800", "1280x536", "4k2160p",
        // sources
        "bluray", "blu-ray", "bdrip", "brrip", "bdremux", "remux", "bd25", "bd50", "bdmv", "web-dl", "webdl",
        "webrip", "web-rip", "webhd", "hdtv", "hdtvrip", "pdtv", "sdtv", "dsr", "dsrip", "dvdrip", "dvd-rip",
        "dvdr", "dvd5", "dvd9", "dvdscr", "dvd-scr", "dvd", "hdrip", "hddvd", "hd-dvd", "tvrip", "satrip", "vhsrip",
        "hdcam", "telesync", "telecine", "uhdtv", "uhdrip", "webdlrip", "camrip", "ppvrip", "vodrip", "r5",
        "bdmux", "dvdmux", "webmux", "brmux", "bdripmux", "brripmux", "dvdripmux", "webripmux", "hfr", "amzn", "dsnp",
        "hmax", "atvp", "pcok", "pmtp", "hulu", "itunes", "nflx", "crav",
        "dcu", "bbc-iplayer",
        // codecs
        "x264", "x265", "h264", "h265", "h-264", "h-265", "hevc", "avc", "xvid", "divx", "av1", "vp9", "mpeg2",
        "mpeg-2", "10bit", "10-bit", "8bit", "hi10p", "hi10", "hi444pp", "yuv420p10",
        // audio
        "aac", "aac2", "aac5", "ac3", "ac3d", "eac3", "e-ac-3", "ddp", "ddp2", "ddp5", "ddp7", "dd2", "dd5", "dd7",
        "dd+",
        "dts", "dts-hd", "dts-ma", "dts-x", "dtshd", "truehd", "atmos", "flac", "flac2", "lpcm", "mp3",
        "5.1", "7.1", "2ch", "6ch", "8ch", "dual-audio",
        // hdr
        "hdr", "hdr10", "hdr10+", "hdr10plus", "dovi", "dolbyvision", "hlg", "sdr",
        // release flags
        "readnfo", "dirfix", "nfofix", "syncfix", "subfix", "samplefix",
        "nfo", "rarbg", "eztv", "yify", "yts", "ettv", "tgx",
    ]

    /// Words that mark a release only when written as tags (`FRENCH`, `EXTENDED`); in normal case they can be
    /// part of a title (`Johnny English`), so they are only trimmed from the end of an upper-case run.
    static let weak: Set<String> = Set([
        "web", "cam", "ts", "tc", "scr", "screener", "bd", "hd", "sd", "dv", "nf", "max", "ma", "it", "stan",
        "extended", "unrated", "uncut", "uncensored", "censored", "remastered", "theatrical", "directors", "dc",
        "imax", "criterion", "restored", "despecialized", "limited", "festival", "stv", "ws", "fs", "widescreen",
        "fullscreen", "hybrid", "3d", "hsbs", "hou", "sbs", "complete", "retail", "real", "multi", "multisub",
        "dual", "dl", "dubbed", "dub", "engsub", "eng-sub", "subbed", "sub", "subs", "hardsub", "hardsubs", "softsub",
        "vostfr", "vost",
        "vf", "vff", "vfq", "vfi", "vo", "truefrench", "fr", "deutsch", "esp", "latino", "lat", "en", "jap",
        "chs", "cht", "nordic", "pl", "ptbr", "pt-br", "raw", "batch", "fansub", "docu", "custom", "openmatte",
        "colorized", "ova", "ona", "final", "end", "fin", "proper",
        "repack", "rerip", "internal", "opus", "convert", "hq", "doku", "swissgerman",
    ]).union(languages)

    /// Languages of the audio or subtitles (`German`, `FRENCH`, `ita`): weak words that, right before a release
    /// tag, end the title whatever their case (`Das.Appartement.German.AC3D.DL`).
    static let languages: Set<String> = [
        "french", "fre", "german", "ger", "italian", "ita", "spanish", "spa", "castellano", "hindi", "tamil",
        "telugu", "english", "eng", "japanese", "jpn", "russian", "rus", "korean", "kor", "chinese", "chi", "dutch",
        "swedish", "swe", "danish", "norwegian", "finnish", "polish", "pol", "portuguese", "por", "ukrainian", "ukr",
        "turkish", "arabic", "hebrew", "czech", "hungarian", "thai",
    ]

    /// Leading bracket tags of torrent sites, which are not fansub groups (`[TGx]`, `[YTS.MX]`).
    static let siteTags: Set<String> = ["tgx", "yts", "yify", "rarbg", "eztv", "ettv", "www", "ytsmx", "1337x"]

    /// Upper-case country codes that qualify a show title (`The.Office.US.S01E01`).
    static let countries: Set<String> = ["us", "uk", "au", "nz", "ca", "ie", "gb", "dk", "se", "no", "de", "fr"]

    /// Domain endings that close a website prefix (`www.Site.org - Title`).
    static let topLevelDomains: Set<String> = [
        "com", "org", "net", "info", "cc", "to", "me", "io", "tv", "ws", "cd", "xyz", "in", "co", "ru", "se", "nl",
        "biz", "site", "club", "li", "ch", "lol", "mx", "pw", "pro", "one", "re", "la", "vip", "app", "link",
        "world", "top", "fun", "zone", "click", "cfd", "pics", "art", "ink", "ms", "tw", "am", "lt", "ag", "ac",
        "bz", "eu", "uk", "fr", "de", "it", "es", "pl", "nu", "ws", "rip", "online", "live", "space", "website",
    ]

    /// Edition words that end a title whatever their case (`Movie Extended 1080p`), alone or before `Cut` or
    /// `Edition` (`Directors Cut`, `Special Edition`).
    static let editions: Set<String> = [
        "extended", "unrated", "remastered", "uncut", "theatrical", "imax", "criterion", "proper", "repack",
        "internal", "dubbed", "subbed", "redux", "uncensored", "restored",
    ]
    static let editionQualifiers: Set<String> = [
        "directors", "director's", "director", "extended", "imax", "collector", "theatrical", "special", "collectors",
        "collector's", "ultimate",
        "anniversary", "remastered", "unrated", "uncut", "limited", "deluxe", "definitive", "criterion", "rogue",
        "producers", "producer's", "international", "alternate",
    ]

    /// Audio descriptions written with a dot (`DD5.1`, `AAC2.0`) leave prefixes like these.
    private static let audioPrefixes = ["ddp", "dd", "aac", "eac3", "ac3", "dts", "truehd", "atmos", "flac", "opus"]

    /// Whether a token is strong release noise, including hyphenated pairs (`x264-GROUP`, `HDTV-LOL`) and
    /// audio with channel counts (`DDP5`, `AAC2`).
    static func isStrong(_ lower: String, wordClass: WordClass) -> Bool {
        if wordClass.contains(.strong) { return true }
        if lower.utf8.contains(UInt8(ascii: "-")) {
            for part in lower.split(separator: "-") where strong.contains(String(part)) {
                return true
            }
        }
        if lower.hasSuffix("fps"), lower.utf8.count <= 8, lower.utf8.dropLast(3).allSatisfy(DigitScanner.isDigit),
            lower.utf8.count > 3
        {
            // `48fps`, `23.976fps` reads as `976fps`.
            return true
        }
        guard let last = lower.utf8.last, DigitScanner.isDigit(last) else { return false }
        if isFrameSize(lower) { return true }
        for prefix in audioPrefixes where lower.hasPrefix(prefix) {
            let rest = lower.utf8.dropFirst(prefix.utf8.count)
            if !rest.isEmpty, rest.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                return true
            }
        }
        return false
    }

    /// `1444x866`, `960x544`: a frame size (three or four digits on each side of an `x`), never a title or marker.
    static func isFrameSize(_ lower: String) -> Bool {
        let sides = lower.utf8.split(separator: UInt8(ascii: "x"), omittingEmptySubsequences: false)
        return sides.count == 2
            && sides.allSatisfy { (3...4).contains($0.count) && $0.allSatisfy(DigitScanner.isDigit) }
    }

    /// Whether a token reads as a release tag: a weak word written mostly in upper case (`FRENCH`, `MULTi`,
    /// `iNTERNAL`) or a tag-only spelling.
    static func isWeakTag(_ token: NameToken, wordClass: WordClass) -> Bool {
        guard wordClass.contains(.weak) else { return false }
        var upper = 0
        var lower = 0
        for byte in token.text.utf8 {
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { upper += 1 }
            if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { lower += 1 }
        }
        return upper > lower || wordClass.contains(.tagOnly)
    }

    /// Weak words whose spelling is only ever a tag, in any case.
    static let tagOnly: Set<String> = [
        "vostfr", "truefrench", "vff", "vfq", "vfi", "multisub", "hardsub", "hardsubs", "softsub", "ptbr", "pt-br",
        "hsbs", "despecialized", "openmatte", "dubbed", "subbed", "multi", "multisub", "sub", "dub",
        "subs", "engsub", "eng-sub",
    ]
}
