/// Reads one name — a file name without extension, a folder name or a player's title — into a `ParsedName`.
///
/// The title is everything before the first thing that is not title: episode numbering, a year, a release tag
/// (quality, source, codec, ...) or a bracket group. Years are taken as the *last* year-like word before the
/// tags, so titles that contain numbers keep them (`2001 A Space Odyssey 1968`, `Blade Runner 2049 (2017)`).
enum ReleaseNameParser {
    static func parse(_ name: String) -> ParsedName {
        let tokens = NameTokenizer.tokenize(name)
        var result = ParsedName()
        guard !tokens.isEmpty else { return result }
        var facts = tokens.map(TokenFacts.init)
        for index in tokens.indices where result.ids.read(tokens[index].lower) {
            facts[index].isID = true
        }
        let prefix = prefixEnd(tokens, facts: facts)
        var start = prefix.start
        result.anime = prefix.hasGroup || facts.contains { $0.isChecksum }
        guard start < tokens.count else { return result }
        if let filmStart = filmNumberEnd(tokens, from: start) { start = filmStart }

        let leading = prefix.hasGroup ? leadingEpisode(tokens, facts: facts, start: start) : nil
        if leading != nil { start += 1 }
        let tagIndex = firstTag(tokens, facts: facts, from: start)
        let found =
            leading == nil
            ? findNumbering(tokens, facts: facts, start: start, tagIndex: tagIndex, hasGroup: result.anime) : nil
        let boundary = min(found?.index ?? tokens.count, tagIndex)
        var yearIndex: Int?
        if start + 1 < boundary {
            for index in (start + 1)..<boundary where facts[index].isYear && !facts[index].isID {
                yearIndex = index
            }
        }
        let bracketIndex = firstBracket(tokens, facts: facts, after: start, yearIndex: yearIndex)
        let akaIndex =
            start + 1 < boundary
            ? (start + 1..<boundary).first { tokens[$0].lower == "aka" && $0 + 1 < boundary } : nil
        var titleEnd = min(boundary, yearIndex ?? boundary, bracketIndex ?? boundary, akaIndex ?? boundary)
        if let found, found.index == titleEnd, titleEnd - 1 > start {
            // `Show Name 313-315 s16e03-05`: absolute numbers right before the marker; `Show The Complete Seasons
            // 1 to 5`: a box set's words.
            if FoundNumbering.numberRange(tokens[titleEnd - 1].lower) != nil {
                titleEnd -= 1
            } else if tokens[titleEnd - 1].lower == "complete" {
                titleEnd -= titleEnd - 2 > start && tokens[titleEnd - 2].lower == "the" ? 2 : 1
            }
        }
        if titleEnd < tokens.count, facts[titleEnd].isStrongTag {
            // `Fight Club French 1080p`, `Alien.Director.Cut.Ita.Eng.VP9`: the audio languages before the tags,
            // not the end of the title (a movie's year usually comes first, so `Johnny.English.2003` is safe).
            while titleEnd - 1 > start, facts[titleEnd - 1].wordClass.contains(.language) { titleEnd -= 1 }
        }

        if let yearIndex {
            result.year = facts[yearIndex].number
        } else if let late = (titleEnd..<tokens.count).first(where: { facts[$0].isYear && tokens[$0].isBracketed }),
            found?.airDate == nil
        {
            // `Movie Name [1080p] (2019)`: a bracketed year after the tags.
            result.year = facts[late].number
        }
        if result.year == nil, let found {
            result.year = yearAfterNumbering(tokens, facts: facts, found: found, start: start)
        }
        if let found = found ?? leading {
            result.season = found.season
            result.episode = found.episode
            result.episodeEnd = found.episodeEnd
            result.airDate = found.airDate
            result.numbering = found.numbering
            result.numberingPattern = found.pattern
            if result.year == nil, let season = found.season, (1900...2039).contains(season) {
                // `Pawn.Stars.S2014E18`: a season named by its year is that year too.
                result.year = season
            }
            if found.index >= start, found.episode != nil || found.airDate != nil {
                result.episodeTitle = TitleBuilder.episodeTitle(tokens, facts: facts, from: found.index + found.span)
            }
        }
        if found == nil, leading == nil, let yearIndex,
            let special = (yearIndex + 1..<tagIndex).first(where: { tokens[$0].lower == "special" }),
            special + 1 == tokens.count || tokens[special + 1].lower != "edition"
        {
            // `Downton.Abbey.2013.Christmas.Special`: a show's special, filed under season 0.
            result.season = 0
            result.numbering = .seasonOnly
            result.numberingPattern = "\"Title 2013 Christmas Special\" special"
            result.episodeTitle = TitleBuilder.episodeTitle(tokens, facts: facts, from: yearIndex + 1)
        }
        var title = TitleBuilder(tokens: tokens, facts: facts, range: start..<titleEnd)
        result.country =
            title.takeCountry(followedByNumbering: found != nil || yearIndex != nil)
            ?? bracketCountry(tokens, at: bracketIndex)
        result.title = title.text
        if leading == nil, let number = leadingNumber(tokens, facts: facts, start: start, titleEnd: titleEnd) {
            result.leadingNumber = number
            let rest = min(start + 1, titleEnd)..<titleEnd
            result.titleAfterLeadingNumber = TitleBuilder(tokens: tokens, facts: facts, range: rest).text
            if found == nil, tokens[start].lower.utf8.first == UInt8(ascii: "0"), start + 1 < titleEnd,
                facts[start + 1].number == nil, tokens[start + 1].afterDash || tokens[start].keepsDot
            {
                // `03-Criminal.Minds`, `003. Show Name - Ep Name`: a zero-padded episode number set apart from the
                // show (`007.Spectre` is a title).
                let dash = (start + 2..<titleEnd).first { tokens[$0].afterDash } ?? titleEnd
                result.showAfterLeadingNumber =
                    TitleBuilder(tokens: tokens, facts: facts, range: (start + 1)..<dash).text
                result.episodeTitleAfterShow =
                    dash < titleEnd ? TitleBuilder.episodeTitle(tokens, facts: facts, from: dash) : nil
            }
        }
        if found == nil, leading == nil, titleEnd - 1 > start, !facts[titleEnd - 1].isYear,
            facts[titleEnd - 1].number != nil
        {
            result.trailingNumber = facts[titleEnd - 1].number
            result.titleBeforeTrailingNumber =
                TitleBuilder(tokens: tokens, facts: facts, range: start..<(titleEnd - 1))
                .text
        }
        result.part = partNumber(tokens, facts: facts, from: titleEnd)
        result.tagCount = facts.reduce(0) { $0 + ($1.isStrongTag || $1.isWeakTag ? 1 : 0) }
        result.extraKind = extraKind(
            tokens, facts: facts, start: start, from: found == nil ? min(tagIndex, max(titleEnd, start + 1)) : tagIndex)
        return result
    }

}
