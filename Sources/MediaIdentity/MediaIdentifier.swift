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

    /// Identifies what a player is playing.
    ///
    /// The file name (from `xesam:url`, or from a title that is a path) leads; its folders fill in the show,
    /// season, year and ids; the player's title adds an episode title or stands in for an uninformative file;
    /// the length breaks ties between a short clip, an episode and a movie.
    /// - Parameter hints: what the player said; every field may be missing or nonsense.
    /// - Returns: the movie or episode, or why the item should not be reported.
    public static func identify(_ hints: MediaHints) -> IdentificationResult {
        let playerTitle = hints.title.flatMap(cleanTitle)
        var locationText = hints.url.flatMap { $0.isEmpty ? nil : $0 }
        var titleIsLocation = false
        if locationText == nil, let playerTitle, MediaLocation.looksLikeLocation(playerTitle) {
            locationText = playerTitle
            titleIsLocation = true
        }
        var draft: IdentificationDraft?
        var origin = FieldOrigin()
        /// The extension of a subtitle, `.nfo` or `.torrent` named after its video.
        var companion: String?
        if let location = locationText.flatMap(MediaLocation.init) {
            let file = FileName(location.fileName)
            switch file.kind {
            case .audio:
                return .notMedia(reason: "audio file (.\(file.fileExtension ?? "")): music, not a movie or episode")
            case .other:
                return .notMedia(reason: "not a video file (.\(file.fileExtension ?? ""))")
            case .companion:
                companion = file.fileExtension
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
                case .failure(let reason) where reason.isFinal:
                    return .notMedia(reason: reason.text, belongsTo: reason.belongsTo)
                case .failure(let reason): rejection = reason
                case .success(let fileDraft): draft = fileDraft
                }
            }
            draft?.rawFilename = location.fileName
            origin = FieldOrigin(fileStem: file.stem, fileDraft: draft)
            if !titleIsLocation, let playerTitle, !isFileName(playerTitle, file) {
                draft = weigh(playerTitle: playerTitle, against: draft)
                origin.weighedPlayerTitle = true
                draft?.rawFilename = location.fileName
            }
            if draft == nil, let rejection { return sidecarOnly(hints, otherwise: rejection.text) }
        } else if let playerTitle {
            let file = FileName(playerTitle)
            if file.kind == .companion { companion = file.fileExtension }
            switch fromTitle(playerTitle) {
            case .failure(let reason): return .notMedia(reason: reason.text)
            case .success(let titleDraft): draft = titleDraft
            }
        } else {
            return .notMedia(reason: "the player gave neither a title nor a URL")
        }
        guard var result = draft else {
            return sidecarOnly(hints, otherwise: "nothing in the title or URL names a movie or episode")
        }
        if let extra = result.name.extraKind {
            var feature = result
            feature.name.extraKind = nil
            return .notMedia(reason: "\(extra), not the feature itself", belongsTo: feature.identification())
        }
        let wasEpisode = result.isEpisode
        if let duration = hints.duration, duration > .zero {
            if let reason = applyDuration(duration, to: &result) { return sidecarOnly(hints, otherwise: reason) }
        }
        guard var identification = result.identification() else {
            return sidecarOnly(hints, otherwise: "no title found in the name")
        }
        identification.sources = origin.sources(of: identification, typeFromLength: wasEpisode != result.isEpisode)
        if hints.itemSidecar != nil || hints.showSidecar != nil {
            applySidecars(item: hints.itemSidecar, show: hints.showSidecar, to: &identification)
        }
        if let companion {
            return .notMedia(
                reason: "a .\(companion) file that goes with a video, not the video itself", belongsTo: identification)
        }
        return .media(identification)
    }

    /// A reason an item is not reportable from its file; a final one (an extra) also overrules the player title.
    struct Rejection: Error {
        var text: String
        var isFinal = false
        /// The movie or episode that bonus material or a sample belongs to.
        var belongsTo: Identification?
    }

    /// What a name parsed from the player's title rests on.
    static func titleReasons(_ name: ParsedName) -> [String] {
        var reasons = ["from the player's title"]
        if name.numbering != .none { reasons.append("\(name.numberingPattern) in the title") }
        if name.year != nil { reasons.append("year in the title") }
        return reasons
    }

    /// The guess from a player's title alone (browsers, players without a URL).
    static func fromTitle(_ playerTitle: String) -> Result<IdentificationDraft, Rejection> {
        let file = FileName(playerTitle)
        if file.kind == .audio {
            return .failure(Rejection(text: "audio file name: music, not a movie or episode", isFinal: true))
        }
        let parsed = ReleaseNameParser.parse(file.stem)
        let name = parsed.asLeadingEpisode ?? parsed
        var draft = IdentificationDraft(name: name, reasons: titleReasons(name))
        let isFileLike = (file.kind == .video || name.tagCount > 0) && !playerTitle.utf8.contains(UInt8(ascii: "/"))
        if isFileLike { draft.rawFilename = playerTitle }
        return .success(draft)
    }
}
