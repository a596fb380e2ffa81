/// The player's own `xesam:title`, weighed against what the file says.
extension MediaIdentifier {
    /// Folds the player's own title into a guess made from the file: an embedded episode title becomes the
    /// episode title (never the show title); a release-like title can stand in for an uninformative file.
    static func weigh(playerTitle: String, against draft: IdentificationDraft?) -> IdentificationDraft? {
        let parsed = ReleaseNameParser.parse(FileName(playerTitle).stem)
        let isPlain = parsed.numbering == .none && parsed.year == nil && parsed.tagCount == 0
        guard var draft else {
            return IdentificationDraft(name: parsed, reasons: titleReasons(parsed))
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
        } else if draft.name.year == nil, draft.name.tagCount == 0, draft.name.ids.isEmpty, parsed.year != nil,
            parsed.title != nil
        {
            // `rip1.mkv` titled "Inception (2010)": a titled year beats a bare file name.
            var replacement = IdentificationDraft(name: parsed, reasons: ["title and year from player title"])
            replacement.rawFilename = draft.rawFilename
            return replacement
        }
        draft.name.title = TitleComparison.betterSpelling(draft.name.title, parsed.title)
        return draft
    }

    /// Trims whitespace and caps the length of a player's title; nil when empty.
    static func cleanTitle(_ title: String) -> String? {
        var bytes = title.utf8.prefix(maximumTitleBytes)
        while let first = bytes.first, first == 32 || first == 9 || first == 10 || first == 13 { bytes.removeFirst() }
        while let last = bytes.last, last == 32 || last == 9 || last == 10 || last == 13 { bytes.removeLast() }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// A player title that is just the file name (with or without extension) adds nothing.
    static func isFileName(_ title: String, _ file: FileName) -> Bool {
        let stem = FileName(title).stem
        return stem == file.stem || title == file.stem || TitleComparison.same(stem, file.stem)
    }
}
