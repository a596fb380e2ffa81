/// Works out which movie or episode a player is playing from what it says on the bus (`xesam:title`,
/// `xesam:url`, `mpris:length`), or that it is something PunchPlay should not hear about.
///
/// Pure and fast: no I/O, no Foundation, bounded work for any input.
///
/// ```swift
/// let result = MediaIdentifier.identify(MediaHints(url: "file:///tv/Show/Season%202/Show.S02E03.mkv"))
/// ```
public enum MediaIdentifier {
    /// Shorter than this and without episode numbering, an item is not a movie (it is a clip, a trailer, a song).
    static let shortestMovie: Duration = .seconds(60 * 60)
    /// A bare-numbered item at least this long is a movie sequel (`[Group] Title 2`), not an episode.
    static let longestBareEpisode: Duration = .seconds(75 * 60)
    /// Longest player title considered.
    static let maximumTitleBytes = 1024

    public static func identify(_ hints: MediaHints) -> IdentificationResult {
        let playerTitle = hints.title.flatMap(cleanTitle)
        var locationText = hints.url.flatMap { $0.isEmpty ? nil : $0 }
        var titleIsLocation = false
        if locationText == nil, let playerTitle, MediaLocation.looksLikeLocation(playerTitle) {
            locationText = playerTitle
            titleIsLocation = true
        }
        var draft: IdentificationDraft?
        if let location = locationText.flatMap(MediaLocation.init) {
            let file = FileName(location.fileName)
            switch file.kind {
            case .audio:
                return .notMedia(reason: "audio file (.\(file.fileExtension ?? "")): music, not a movie or episode")
            case .other:
                return .notMedia(reason: "not a video file (.\(file.fileExtension ?? ""))")
            case .video, .unknown:
                break
            }
            // Folders of web URLs (`/Videos/abc123/stream.mkv`) are server internals, not a library's names.
            let context = FolderContext(location.isRemote ? [] : location.directories)
            if let folder = context.extrasFolder {
                return .notMedia(reason: "file in an extras folder (\(folder))")
            }
            var rejection: Rejection?
            if !location.isRemote || file.kind == .video {
                switch fromFile(file, context: context) {
                case .failure(let reason) where reason.isFinal: return .notMedia(reason: reason.text)
                case .failure(let reason): rejection = reason
                case .success(let fileDraft): draft = fileDraft
                }
            }
            draft?.rawFilename = location.fileName
            if !titleIsLocation, let playerTitle, !isFileName(playerTitle, file) {
                draft = weigh(playerTitle: playerTitle, against: draft)
                draft?.rawFilename = location.fileName
            }
            if draft == nil, let rejection { return .notMedia(reason: rejection.text) }
        } else if let playerTitle {
            let file = FileName(playerTitle)
            if file.kind == .audio { return .notMedia(reason: "audio file name: music, not a movie or episode") }
            let name = ReleaseNameParser.parse(file.stem)
            draft = IdentificationDraft(name: name, reasons: ["player title \"\(playerTitle)\""])
            let isFileLike = (file.kind == .video || name.tagCount > 0) && !playerTitle.utf8.contains(UInt8(ascii: "/"))
            if isFileLike { draft?.rawFilename = playerTitle }
        } else {
            return .notMedia(reason: "the player gave neither a title nor a URL")
        }
        guard var result = draft else {
            return .notMedia(reason: "nothing in the title or URL names a movie or episode")
        }
        if let extra = result.name.extraKind { return .notMedia(reason: "\(extra), not the feature itself") }
        if let duration = hints.duration, duration > .zero {
            if let reason = applyDuration(duration, to: &result) { return .notMedia(reason: reason) }
        }
        guard let identification = result.identification() else {
            return .notMedia(reason: "no title found in the name")
        }
        return .media(identification)
    }

    /// A reason an item is not reportable from its file; a final one (an extra) also overrules the player title.
    struct Rejection: Error {
        var text: String
        var isFinal = false
    }

    /// The guess from a file name and its folders.
    private static func fromFile(_ file: FileName, context: FolderContext) -> Result<IdentificationDraft, Rejection> {
        var name = ReleaseNameParser.parse(file.stem)
        if let extra = name.extraKind {
            return .failure(Rejection(text: "\(extra), not the feature itself", isFinal: true))
        }
        var reasons: [String] = []
        let show = context.show
        let folderSeason = context.season ?? (show?.numbering == .seasonOnly ? show?.season : nil)
        if name.hasEpisodeNumber || name.numbering == .seasonOnly {
            reasons.append("\(name.numberingPattern) in file name")
            if name.title == nil, let showTitle = show?.title {
                name.title = showTitle
                name.year = name.year ?? show?.year
                reasons.append("show title from folder")
            }
            if name.season == nil, name.airDate == nil, let folderSeason {
                name.season = folderSeason
                reasons.append("season from folder")
            }
            if name.year == nil, let show, show.year != nil, TitleComparison.same(show.title, name.title) {
                name.year = show.year
                reasons.append("year from show folder")
            }
            name.title = TitleComparison.betterSpelling(name.title, show?.title)
            if let show, let showTitle = show.title, show.hasEpisodeNumber, show.season == name.season,
                show.episode == name.episode, show.airDate == name.airDate, !TitleComparison.same(showTitle, name.title)
            {
                name.title = showTitle
                name.year = show.year ?? name.year
                reasons.append("title from the release folder with the same numbering")
            }
        } else if let folderSeason, let showTitle = show?.title, name.leadingNumber != nil || name.title == nil {
            name.season = folderSeason
            name.episode = name.leadingNumber
            name.episodeTitle = name.titleAfterLeadingNumber
            name.title = showTitle
            name.year = show?.year
            name.numbering = name.episode == nil ? .seasonOnly : .seasonEpisode
            name.numberingPattern = "season folder and episode number"
            reasons.append("season folder and leading episode number")
        } else if let number = name.leadingNumber, let show, let showTitle = show.title, show.year == nil,
            !show.hasEpisodeNumber
        {
            name.season = show.season
            name.episode = number
            name.episodeTitle = name.titleAfterLeadingNumber
            name.title = showTitle
            name.numbering = name.season == nil ? .bareNumber : .seasonEpisode
            name.anime = name.anime || show.anime
            name.numberingPattern = "episode number in a show folder"
            reasons.append("leading episode number in the show's folder")
        } else if let number = name.trailingNumber, name.year == nil, let show, let showTitle = show.title,
            TitleComparison.same(showTitle, name.titleBeforeTrailingNumber)
        {
            name.title = TitleComparison.betterSpelling(name.titleBeforeTrailingNumber, showTitle)
            name.episode = number
            name.season = folderSeason
            name.year = show.year
            name.numbering = folderSeason == nil ? .bareNumber : .seasonEpisode
            name.numberingPattern = "number after the show folder's title"
            reasons.append("episode number after the show folder's title")
        } else if let show, shouldPreferFolder(show, over: name, stem: file.stem) {
            let part = name.part
            name = show
            name.part = name.part ?? part
            reasons.append("file name uninformative; folder name used")
        } else if isGeneric(file.stem, name) {
            return .failure(Rejection(text: "file name \"\(file.stem)\" says nothing and no folder names a title"))
        } else {
            reasons.append(name.year == nil ? "title from file name" : "title and year from file name")
            if name.year == nil, let show, show.year != nil, TitleComparison.same(show.title, name.title) {
                name.year = show.year
                reasons.append("year from folder")
            }
            name.title = TitleComparison.betterSpelling(name.title, show?.title)
        }
        name.ids.merge(context.ids)
        if !context.ids.isEmpty { reasons.append("ids from folder") }
        name.part = name.part ?? context.disc
        return .success(IdentificationDraft(name: name, reasons: reasons))
    }

    /// A folder name replaces the file name when the file name says nothing (`movie.mkv`, `VTS_01_1`), or when
    /// the folder carries a year or episode numbering the file lacks (scene folders with obfuscated file names).
    private static func shouldPreferFolder(_ folder: ParsedName, over file: ParsedName, stem: String) -> Bool {
        if isGeneric(stem, file) { return true }
        let folderIsSpecific = folder.year != nil || folder.hasEpisodeNumber
        let fileIsSpecific = file.year != nil || file.hasEpisodeNumber
        return folderIsSpecific && !fileIsSpecific
    }

    /// Names that carry no title: disc structures, numbered streams (`00001`, but not `300` or `2012`), MakeMKV
    /// titles, generic words, hashes.
    static func isGeneric(_ stem: String, _ name: ParsedName) -> Bool {
        guard let title = name.title else { return !name.hasEpisodeNumber }
        let lower = stem.lowercased()
        if genericStems.contains(lower) || genericStems.contains(title.lowercased()) { return true }
        if genericPrefixes.contains(where: { lower.hasPrefix($0) }) { return true }
        let bytes = Array(lower.utf8)
        if bytes.allSatisfy(DigitScanner.isDigit), bytes.count >= 5 || bytes.first == UInt8(ascii: "0") {
            return true
        }
        let isHash =
            bytes.count >= 16
            && bytes.allSatisfy {
                DigitScanner.isDigit($0) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) || $0 == 45
            }
        return isHash
    }

    /// Disc-structure and camera/recorder file names (`VTS_01_1`, `title_t00`, `VID_20240501_123456`).
    private static let genericPrefixes = [
        "vts_", "title_t", "title t", "vid_", "vid-", "img_", "pxl_", "mvimg_", "dsc_", "gopr", "screen recording",
        "screencast", "screenshot", "simplescreenrecorder", "recording_", "obs_",
    ]

    private static let genericStems: Set<String> = [
        "movie", "film", "video", "main", "feature", "title", "index", "playlist", "stream", "vts", "output",
        "untitled", "default", "file", "media", "clip", "main feature", "main movie", "the movie", "new video",
    ]

    /// Folds the player's own title into a guess made from the file: an embedded episode title becomes the
    /// episode title (never the show title); a release-like title can stand in for an uninformative file.
    private static func weigh(playerTitle: String, against draft: IdentificationDraft?) -> IdentificationDraft? {
        let parsed = ReleaseNameParser.parse(FileName(playerTitle).stem)
        let isPlain = parsed.numbering == .none && parsed.year == nil && parsed.tagCount == 0
        guard var draft else {
            return IdentificationDraft(name: parsed, reasons: ["player title \"\(playerTitle)\""])
        }
        if draft.isEpisode {
            if isPlain, parsed.title != nil, draft.name.episodeTitle == nil,
                !TitleComparison.same(parsed.title, draft.name.title)
            {
                draft.name.episodeTitle = playerTitle
                draft.reasons.append("episode title from player title")
            }
            return draft
        }
        if parsed.hasEpisodeNumber, parsed.title != nil, draft.name.year == nil {
            var replacement = IdentificationDraft(name: parsed, reasons: ["episode numbering in player title"])
            replacement.rawFilename = draft.rawFilename
            return replacement
        }
        if draft.name.year == nil, let year = parsed.year, TitleComparison.same(parsed.title, draft.name.title) {
            draft.name.year = year
            draft.reasons.append("year from player title")
        }
        draft.name.title = TitleComparison.betterSpelling(draft.name.title, parsed.title)
        return draft
    }

    /// `mpris:length` as a tie-breaker: a short item with no numbering is not a movie; a long bare-numbered item
    /// is a sequel, not an episode. Returns a rejection reason, if any.
    private static func applyDuration(_ duration: Duration, to draft: inout IdentificationDraft) -> String? {
        let minutes = duration.components.seconds / 60
        if !draft.isEpisode, duration < shortestMovie, draft.name.year == nil, draft.name.ids.isEmpty {
            return "\(minutes)-minute item with no year or episode numbering: not a movie"
        }
        if draft.name.numbering == .bareNumber, duration >= longestBareEpisode, let number = draft.name.episode,
            draft.name.season == nil, let title = draft.name.title
        {
            draft.name.title = "\(title) \(number)"
            draft.name.episode = nil
            draft.name.episodeEnd = nil
            draft.name.episodeTitle = nil
            draft.name.numbering = .none
            draft.reasons.append("\(minutes) minutes long: a movie, the number is part of its title")
            return nil
        }
        draft.reasons.append("\(minutes) minutes long")
        return nil
    }

    /// Trims whitespace and caps the length of a player's title; nil when empty.
    private static func cleanTitle(_ title: String) -> String? {
        var bytes = title.utf8.prefix(maximumTitleBytes)
        while let first = bytes.first, first == 32 || first == 9 || first == 10 || first == 13 { bytes.removeFirst() }
        while let last = bytes.last, last == 32 || last == 9 || last == 10 || last == 13 { bytes.removeLast() }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// A player title that is just the file name (with or without extension) adds nothing.
    private static func isFileName(_ title: String, _ file: FileName) -> Bool {
        let stem = FileName(title).stem
        return stem == file.stem || title == file.stem || TitleComparison.same(stem, file.stem)
    }
}
