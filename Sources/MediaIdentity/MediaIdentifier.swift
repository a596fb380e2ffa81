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
            draft = IdentificationDraft(name: name, reasons: titleReasons(name))
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

    /// What a name parsed from the player's title rests on.
    static func titleReasons(_ name: ParsedName) -> [String] {
        var reasons = ["from the player's title"]
        if name.numbering != .none { reasons.append("\(name.numberingPattern) in the title") }
        if name.year != nil { reasons.append("year in the title") }
        return reasons
    }
}
