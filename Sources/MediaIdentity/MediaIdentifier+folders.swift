/// Identification from a file name weighed against its folders.
extension MediaIdentifier {
    /// The guess from a file name and its folders; bonus material and samples are final rejections that say what
    /// they belong to.
    static func fromFile(_ file: FileName, context: FolderContext) -> Result<IdentificationDraft, Rejection> {
        var name = ReleaseNameParser.parse(file.stem)
        guard let extra = name.extraKind else { return fromName(name, of: file, context: context) }
        name.extraKind = nil
        let belongsTo = try? fromName(name, of: file, context: context).get().identification()
        return .failure(Rejection(text: "\(extra), not the feature itself", isFinal: true, belongsTo: belongsTo))
    }

    /// The guess from a parsed file name weighed against its folders.
    private static func fromName(
        _ parsed: ParsedName, of file: FileName, context: FolderContext
    ) -> Result<IdentificationDraft, Rejection> {
        var name = parsed
        var reasons: [String] = []
        let show = context.show
        let folderSeason = context.season ?? (show?.numbering == .seasonOnly ? show?.season : nil)
        if isDeviceFileName(file.stem) {
            // `VTS_01_1`, `VID_20240501_123456`: a disc or camera names the file, its numbers are not episodes.
            name = ParsedName()
        }
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
            let isGenericName = isGeneric(file.stem, name)
            name = show
            name.part = name.part ?? part
            reasons.append(
                isGenericName
                    ? "file name uninformative; folder name used"
                    : "folder name used: it has the year or numbering the file name lacks")
        } else if let episode = name.asLeadingEpisode {
            name = episode
            reasons.append("leading episode number in file name")
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
    static func shouldPreferFolder(_ folder: ParsedName, over file: ParsedName, stem: String) -> Bool {
        if isGeneric(stem, file) { return true }
        if isSceneFileName(stem), folder.tagCount >= 2, !file.hasEpisodeNumber, !folder.hasEpisodeNumber,
            folder.year != nil || file.year == nil
        {
            return true
        }
        let folderIsSpecific = folder.year != nil || folder.hasEpisodeNumber
        let fileIsSpecific = file.year != nil || file.hasEpisodeNumber
        return folderIsSpecific && !fileIsSpecific
    }

    /// `wthd-cab`, `arw-repack-greenberg.dvdrip`, `blow-how.to.be.single.2016`: the lower-case file names scene
    /// groups give inside a release folder, led by the group's tag, which the folder names properly.
    static func isSceneFileName(_ stem: String) -> Bool {
        let bytes = Array(stem.utf8)
        guard !bytes.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }),
            let hyphen = bytes.firstIndex(of: UInt8(ascii: "-")), (2...6).contains(hyphen)
        else { return false }
        return bytes[..<hyphen].allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    }

    /// Names that carry no title: disc structures, numbered streams (`00001`, but not `300` or `2012`), MakeMKV
    /// titles, generic words, hashes.
    static func isGeneric(_ stem: String, _ name: ParsedName) -> Bool {
        guard let title = name.title else { return !name.hasEpisodeNumber }
        let lower = NameTokenizer.asciiLowercased(stem)
        if genericStems.contains(lower) || genericStems.contains(NameTokenizer.asciiLowercased(title)) { return true }
        if isDeviceFileName(stem) { return true }
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

    /// Whether a disc structure, a camera or a screen recorder named the file (`VTS_01_1`, `title_t00`,
    /// `VID_20240501_123456`, `160725_02`).
    static func isDeviceFileName(_ stem: String) -> Bool {
        let lower = NameTokenizer.asciiLowercased(stem)
        if genericPrefixes.contains(where: { lower.hasPrefix($0) }) { return true }
        // `160725_02`: a recorder's date and clip number.
        let digits = lower.utf8.reduce(0) { $0 + (DigitScanner.isDigit($1) ? 1 : 0) }
        return digits >= 6
            && lower.utf8.allSatisfy { DigitScanner.isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    static let genericPrefixes = [
        "vts_", "title_t", "title t", "vid_", "vid-", "img_", "pxl_", "mvimg_", "dsc_", "gopr", "screen recording",
        "screencast", "screenshot", "simplescreenrecorder", "recording_", "obs_",
    ]

    static let genericStems: Set<String> = [
        "movie", "film", "video", "main", "feature", "title", "index", "playlist", "stream", "vts", "output",
        "untitled", "default", "file", "media", "clip", "main feature", "main movie", "the movie", "new video",
        "video_ts", "video ts",
    ]
}
