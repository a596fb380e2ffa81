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
        let start = prefix.start
        result.anime = prefix.hasGroup || facts.contains { $0.isChecksum }
        guard start < tokens.count else { return result }

        let tagIndex = firstTag(tokens, facts: facts, from: start)
        var found: FoundNumbering?
        for index in start..<tokens.count where !facts[index].isID {
            if let numbering = FoundNumbering.find(at: index, in: tokens, facts: facts) {
                found = numbering
                break
            }
        }
        if let episodeOnly = found, episodeOnly.numbering == .episodeOnly, episodeOnly.index > start,
            facts[(episodeOnly.index + episodeOnly.span)..<max(tagIndex, episodeOnly.index + episodeOnly.span)]
                .contains(where: { $0.isYear })
        {
            // `Star.Wars.Episode.4.A.New.Hope.1977`: a year after "Episode N" makes it part of a movie title.
            found = nil
        }
        if found == nil {
            found =
                bareNumber(tokens, facts: facts, start: start, tagIndex: tagIndex, hasGroup: result.anime)
                ?? compactNumber(tokens, facts: facts, start: start, tagIndex: tagIndex)
        }
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
        let titleEnd = min(boundary, yearIndex ?? boundary, bracketIndex ?? boundary, akaIndex ?? boundary)

        if let yearIndex { result.year = facts[yearIndex].number }
        if result.year == nil, let found, found.numbering != .date, found.index + found.span < tokens.count {
            // `Show.S01E01.2019.1080p`: a year right after the numbering, before the tags, is the show's year.
            let next = found.index + found.span
            let repeatsTitle = found.index == start + 1 && tokens[start].lower == tokens[next].lower
            if facts[next].isYear, !repeatsTitle, next + 1 == tokens.count || facts[next + 1].isStrongTag {
                result.year = facts[next].number
            }
        }
        if let found {
            result.season = found.season
            result.episode = found.episode
            result.episodeEnd = found.episodeEnd
            result.airDate = found.airDate
            result.numbering = found.numbering
            result.numberingPattern = found.pattern
            if found.episode != nil || found.airDate != nil {
                result.episodeTitle = TitleBuilder.episodeTitle(tokens, facts: facts, from: found.index + found.span)
            }
        }
        var title = TitleBuilder(tokens: tokens, facts: facts, range: start..<titleEnd)
        result.country =
            title.takeCountry(followedByNumbering: found != nil || yearIndex != nil)
            ?? bracketCountry(tokens, at: bracketIndex)
        result.title = title.text
        if let leading = leadingNumber(tokens, facts: facts, start: start, titleEnd: titleEnd) {
            result.leadingNumber = leading
            let rest = min(start + 1, titleEnd)..<titleEnd
            result.titleAfterLeadingNumber = TitleBuilder(tokens: tokens, facts: facts, range: rest).text
        }
        if found == nil, titleEnd - 1 > start, !facts[titleEnd - 1].isYear, facts[titleEnd - 1].number != nil {
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

    /// Skips a website prefix (`www.Site.org - `) and leading bracket groups (`[Group]`), which never hold the
    /// title unless nothing else does.
    private static func prefixEnd(_ tokens: [NameToken], facts: [TokenFacts]) -> (start: Int, hasGroup: Bool) {
        var start = 0
        if tokens[0].lower == "www" {
            // The domain ends at the first top-level domain followed by a dash, the end of its bracket or the
            // end, else at the last one among the first words.
            var domainEnd: Int?
            for index in 1..<min(tokens.count, 6) where ReleaseVocabulary.topLevelDomains.contains(tokens[index].lower)
            {
                let closes =
                    index + 1 == tokens.count || tokens[index + 1].afterDash
                    || tokens[index + 1].bracketGroup != tokens[index].bracketGroup
                domainEnd = index
                if closes { break }
            }
            if let domainEnd {
                start = domainEnd + 1
                let group = tokens[0].bracketGroup
                while group >= 0, start < tokens.count, tokens[start].bracketGroup == group { start += 1 }
            }
        }
        var hasGroup = false
        while start < tokens.count, tokens[start].bracket == UInt8(ascii: "[") {
            let group = tokens[start].bracketGroup
            var end = start
            var isSiteTag = false
            while end < tokens.count, tokens[end].bracketGroup == group {
                let lower = tokens[end].lower
                if ReleaseVocabulary.siteTags.contains(lower) || ReleaseVocabulary.topLevelDomains.contains(lower) {
                    isSiteTag = true
                }
                end += 1
            }
            hasGroup = hasGroup || !isSiteTag
            start = end
        }
        return (start, hasGroup)
    }

    /// The first release tag, part marker (`CD1`) or checksum at or after `start`.
    private static func firstTag(_ tokens: [NameToken], facts: [TokenFacts], from start: Int) -> Int {
        for index in start..<tokens.count {
            if facts[index].isStrongTag || facts[index].isChecksum { return index }
            let lower = tokens[index].lower
            if lower == "h", index + 1 < tokens.count, ["264", "265"].contains(tokens[index + 1].lower) {
                return index
            }
            if discNumber(tokens, facts: facts, at: index) != nil { return index }
        }
        return tokens.count
    }

    /// The first bracket group after the title start that is not the year (or an id inside the title).
    private static func firstBracket(
        _ tokens: [NameToken], facts: [TokenFacts], after start: Int, yearIndex: Int?
    ) -> Int? {
        guard start + 1 < tokens.count else { return nil }
        for index in (start + 1)..<tokens.count where tokens[index].isBracketed && index != yearIndex {
            return index
        }
        return nil
    }

    /// `Title - 07`, `[Group] Title 07 [1080p]`, `[Group] Title [07]`: a bare episode number, as anime and
    /// some shows write it.
    private static func bareNumber(
        _ tokens: [NameToken], facts: [TokenFacts], start: Int, tagIndex: Int, hasGroup: Bool
    ) -> FoundNumbering? {
        if start + 1 < tagIndex {
            for index in (start + 1)..<tagIndex where tokens[index].afterDash {
                if let number = facts[index].number, !facts[index].isYear || hasGroup {
                    return FoundNumbering(
                        index: index, span: 1, episode: number, numbering: .bareNumber, pattern: "\"Title - 07\"")
                }
                if let range = FoundNumbering.numberRange(tokens[index].lower) {
                    return FoundNumbering(
                        index: index, span: 1, episode: range.first, episodeEnd: range.last, numbering: .bareNumber,
                        pattern: "\"Title - 01-12\" range")
                }
            }
        }
        guard hasGroup else { return nil }
        let bracket = firstBracket(tokens, facts: facts, after: start, yearIndex: nil) ?? tokens.count
        var end = min(bracket, tagIndex)
        while end - 1 > start, facts[end - 1].isWeakTag { end -= 1 }
        let isSequel = end - 2 >= start && sequelWords.contains(tokens[end - 2].lower)
        if end - 1 > start, let number = facts[end - 1].number, number > 0, !facts[end - 1].isYear, !isSequel {
            return FoundNumbering(
                index: end - 1, span: 1, episode: number, numbering: .bareNumber, pattern: "\"[Group] Title 07\"")
        }
        if end < tokens.count, end > start, let number = facts[end].number, !facts[end].isYear,
            end + 1 == tokens.count || tokens[end + 1].bracketGroup != tokens[end].bracketGroup
        {
            return FoundNumbering(
                index: end, span: 1, episode: number, numbering: .bareNumber, pattern: "\"[Group] Title [07]\"")
        }
        return nil
    }

    /// `The.Office.US.405.HDTV`: season and episode run together in three digits right before the release tags,
    /// in a name with no year.
    private static func compactNumber(
        _ tokens: [NameToken], facts: [TokenFacts], start: Int, tagIndex: Int
    ) -> FoundNumbering? {
        let index = tagIndex - 1
        guard tagIndex < tokens.count, index > start, facts[index].digitCount == 3, !tokens[index].isBracketed,
            let number = facts[index].number, number % 100 > 0, number >= 100,
            !facts[start..<index].contains(where: { $0.isYear })
        else { return nil }
        return FoundNumbering(
            index: index, span: 1, season: number / 100, episode: number % 100, numbering: .seasonEpisode,
            pattern: "\"405\" season and episode digits")
    }

    /// Words before a number that make it part of a title (`Title Movie 2`, `Vol 3`), not an episode.
    private static let sequelWords: Set<String> = ["movie", "film", "part", "vol", "volume", "chapter", "gekijouban"]

    /// `03 - Title`, `03. Title`, `03 Title`, `07`: a number that leads the name (alone only with one or two
    /// digits, so `300` stays a title).
    private static func leadingNumber(_ tokens: [NameToken], facts: [TokenFacts], start: Int, titleEnd: Int) -> Int? {
        guard start < tokens.count, let number = facts[start].number, facts[start].digitCount <= 3 else { return nil }
        let isAlone = start + 1 >= titleEnd && facts[start].digitCount <= 2
        let isSeparated = start + 1 < tokens.count && tokens[start + 1].afterDash
        let isPadded = tokens[start].text.hasPrefix("0")
        return isAlone || isSeparated || isPadded || tokens[start].keepsDot ? number : nil
    }

    /// `CD1`, `CD 2`, `Disc 1`, `Disk2`: one file of a movie split across discs.
    private static func discNumber(_ tokens: [NameToken], facts: [TokenFacts], at index: Int) -> Int? {
        let lower = tokens[index].lower
        guard let first = lower.utf8.first, first == UInt8(ascii: "c") || first == UInt8(ascii: "d") else { return nil }
        for word in ["cd", "disc", "disk", "dvd"] where lower.hasPrefix(word) {
            if lower.count == word.count {
                return index + 1 < tokens.count && facts[index + 1].digitCount <= 2 ? facts[index + 1].number : nil
            }
            var scanner = DigitScanner(Array(lower.utf8.dropFirst(word.utf8.count)))
            if let value = scanner.number(maxDigits: 2), scanner.isAtEnd { return value }
        }
        return nil
    }

    /// A disc number anywhere after the title, or `Part 2` / `Pt2` after the title (before it, `Part 1` is part of
    /// titles such as `Deathly Hallows Part 1`).
    private static func partNumber(_ tokens: [NameToken], facts: [TokenFacts], from titleEnd: Int) -> Int? {
        for index in titleEnd..<tokens.count {
            if let disc = discNumber(tokens, facts: facts, at: index) { return disc }
            let lower = tokens[index].lower
            if lower == "part" || lower == "pt", index + 1 < tokens.count, facts[index + 1].digitCount <= 2,
                let value = facts[index + 1].number
            {
                return value
            }
            for word in ["part", "pt"] where lower.hasPrefix(word) && lower.count > word.count {
                var scanner = DigitScanner(Array(lower.utf8.dropFirst(word.utf8.count)))
                if let value = scanner.number(maxDigits: 2), scanner.isAtEnd { return value }
            }
        }
        return nil
    }

    /// `The Office (US) - S01E01`: a country in its own bracket right after the title.
    private static func bracketCountry(_ tokens: [NameToken], at index: Int?) -> String? {
        guard let index, ReleaseVocabulary.countries.contains(tokens[index].lower) else { return nil }
        let group = tokens[index].bracketGroup
        let isAlone = index + 1 >= tokens.count || tokens[index + 1].bracketGroup != group
        return isAlone ? tokens[index].text.uppercased() : nil
    }

    static let extraWords: Set<String> = [
        "sample", "trailer", "teaser", "featurette", "featurettes", "extras", "bonus", "behindthescenes",
        "making-of", "makingof", "deleted", "promo", "preview", "interview", "interviews",
    ]
    private static let extraSuffixes = ["-sample", "-trailer", "-featurette", "-extra", "-behindthescenes", "-deleted"]

    /// A sample, trailer or similar extra: the word after the tags (or after a movie's title), last, or in
    /// brackets (`Trailer Park Boys` and `The Sample (2019)` stay titles).
    private static func extraKind(
        _ tokens: [NameToken], facts: [TokenFacts], start: Int, from extrasStart: Int
    ) -> String? {
        for index in start..<tokens.count {
            let lower = tokens[index].lower
            if lower.utf8.contains(UInt8(ascii: "-")) {
                for suffix in extraSuffixes where lower.hasSuffix(suffix) {
                    return String(suffix.dropFirst())
                }
            }
            guard index > start, facts[index].wordClass.contains(.extra) else { continue }
            if index >= extrasStart || index == tokens.count - 1 || tokens[index].isBracketed {
                return lower
            }
        }
        return nil
    }
}
