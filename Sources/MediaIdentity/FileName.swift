/// A file name split into its stem and a recognised extension, with what that extension says about the file.
struct FileName: Sendable, Equatable {
    /// What a recognised extension says the file holds.
    enum Kind: Sendable, Equatable {
        case video
        case audio
        case other
        /// Subtitles, `.nfo` and `.torrent` files named after the video they go with.
        case companion
        /// No recognised extension: the whole name is the stem.
        case unknown
    }

    var stem: String
    var fileExtension: String?
    var kind: Kind

    init(_ name: String) {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else {
            self.init(stem: name, fileExtension: nil, kind: .unknown)
            return
        }
        let candidate = NameTokenizer.asciiLowercased(String(name[name.index(after: dot)...]))
        let kind: Kind
        if Self.videoExtensions.contains(candidate) {
            kind = .video
        } else if Self.audioExtensions.contains(candidate) {
            kind = .audio
        } else if Self.companionExtensions.contains(candidate) {
            kind = .companion
        } else if Self.otherExtensions.contains(candidate) {
            kind = .other
        } else {
            self.init(stem: name, fileExtension: nil, kind: .unknown)
            return
        }
        self.init(stem: String(name[..<dot]), fileExtension: candidate, kind: kind)
    }

    private init(stem: String, fileExtension: String?, kind: Kind) {
        self.stem = stem
        self.fileExtension = fileExtension
        self.kind = kind
    }

    static let videoExtensions: Set<String> = [
        "3g2", "3gp", "asf", "avi", "divx", "dv", "f4v", "flv", "iso", "m2t", "m2ts", "m2v", "m4v", "mk3d", "mkv",
        "mov", "mp4", "mpe", "mpeg", "mpg", "mts", "nsv", "ogm", "ogv", "qt", "rm", "rmvb", "strm", "ts", "vob",
        "webm", "wmv", "wtv", "xvid", "y4m",
    ]

    static let audioExtensions: Set<String> = [
        "aac", "ac3", "aif", "aifc", "aiff", "alac", "amr", "ape", "au", "caf", "dff", "dsf", "dts", "flac", "m4a",
        "m4b", "mid", "midi", "mka", "mp2", "mp3", "mpc", "oga", "ogg", "opus", "ra", "spx", "tak", "tta", "wav",
        "wma", "wv",
    ]

    static let companionExtensions: Set<String> = [
        "ass", "idx", "nfo", "sfv", "srt", "ssa", "sub", "sup", "torrent", "vtt",
    ]

    static let otherExtensions: Set<String> = [
        "bmp", "cue", "gif", "jpeg", "jpg", "json", "log", "m3u", "m3u8", "md5", "par2", "pdf", "pls", "png", "rar",
        "txt", "webp", "xml", "zip",
    ]
}
