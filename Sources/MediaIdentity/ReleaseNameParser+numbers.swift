/// Numbers around a title that are episodes, seasons or discs.
extension ReleaseNameParser {
    /// The episode numbering of a name: the first marker (`S01E02`, `Season 2`, a date, ...), else a bare or
    /// compact number; `Episode N` followed by a year is a movie title instead.
    static func findNumbering(
        _ tokens: [NameToken], facts: [TokenFacts], start: Int, tagIndex: Int, hasGroup: Bool
    ) -> FoundNumbering? {
        var found: FoundNumbering?
        for index in start..<tokens.count where !facts[index].isID {
            if let numbering = FoundNumbering.find(at: index, in: tokens, facts: facts) {
                found = numbering
                break
            }
        }
        if let episodeOnly = found, episodeOnly.numbering == .episodeOnly, episodeOnly.index > start,
            facts[episodeOnly.index].wordClass.contains(.episodeWord),
            facts[(episodeOnly.index + episodeOnly.span)..<max(tagIndex, episodeOnly.index + episodeOnly.span)]
                .contains(where: { $0.isYear })
        {
            // `Star.Wars.Episode.4.A.New.Hope.1977`: a year after "Episode N" makes it part of a movie title (but
            // not after a marker: `Show.Name.E02.2010` is an episode of a show from 2010).
            found = nil
        }
        if let seasonOnly = found, seasonOnly.numbering == .seasonOnly {
            found = seasonOnly.withLaterEpisode(tokens: tokens, facts: facts)
        }
        if let seasonOnly = found, seasonOnly.numbering == .seasonOnly, seasonOnly.index > start,
            facts[seasonOnly.index].wordClass.contains(.seasonWord),
            seasonOnly.index + seasonOnly.span < tokens.count, facts[seasonOnly.index + seasonOnly.span].isYear
        {
            // `Open Season 2 (2008)`: a year right after "Season N" makes it part of a movie title.
            found = nil
        }
        if found == nil {
            found =
                bareNumber(tokens, facts: facts, start: start, tagIndex: tagIndex, hasGroup: hasGroup)
                ?? compactNumber(tokens, facts: facts, start: start, tagIndex: tagIndex)
                ?? (hasGroup ? nil : bracketedPackedNumber(tokens, facts: facts, start: start, tagIndex: tagIndex))
        }
        return found
    }

    /// `Show.S01E01.2019.1080p`: a year right after the numbering, before the tags, is the show's year (unless it
    /// repeats a title such as `1923`).
    static func yearAfterNumbering(
        _ tokens: [NameToken], facts: [TokenFacts], found: FoundNumbering, start: Int
    ) -> Int? {
        let next = found.index + found.span
        guard found.numbering != .date, next < tokens.count, facts[next].isYear else { return nil }
        let repeatsTitle = found.index == start + 1 && tokens[start].lower == tokens[next].lower
        guard !repeatsTitle, next + 1 == tokens.count || facts[next + 1].isStrongTag else { return nil }
        return facts[next].number
    }

    /// `Title - 07`, `[Group] Title 07 [1080p]`, `[Group] Title [07]`: a bare episode number, as anime and
    /// some shows write it.
    static func bareNumber(
        _ tokens: [NameToken], facts: [TokenFacts], start: Int, tagIndex: Int, hasGroup: Bool
    ) -> FoundNumbering? {
        if start + 1 < tagIndex {
            for index in (start + 1)..<tagIndex where tokens[index].afterDash {
                if let packed = confirmedPackedNumber(tokens, facts: facts, at: index) { return packed }
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
        guard hasGroup else {
            return paddedNumber(tokens, facts: facts, start: start, tagIndex: tagIndex)
                ?? numberBeforeBroadcastTag(tokens, facts: facts, start: start, tagIndex: tagIndex)
                ?? packedAfterYear(tokens, facts: facts, start: start, tagIndex: tagIndex)
                ?? numberBeforeFansubTag(tokens, facts: facts, start: start, tagIndex: tagIndex)
        }
        let bracket = firstBracket(tokens, facts: facts, after: start, yearIndex: nil) ?? tokens.count
        let weakTag = (start + 1..<max(start + 1, tagIndex)).first { facts[$0].isWeakTag } ?? tokens.count
        var end = min(bracket, tagIndex, weakTag)
        while end - 1 > start, facts[end - 1].isWeakTag { end -= 1 }
        let isSequel = end - 2 >= start && sequelWords.contains(tokens[end - 2].lower)
        if end - 1 > start, let number = facts[end - 1].number, number > 0, !facts[end - 1].isYear, !isSequel {
            return FoundNumbering(
                index: end - 1, span: 1, episode: number, numbering: .bareNumber, pattern: "\"[Group] Title 07\"")
        }
        if let dashed = (start + 1..<max(start + 1, end - 1)).first(where: {
            facts[$0].number != nil && !facts[$0].isYear && tokens[$0 + 1].afterDash && facts[$0 + 1].number == nil
        }), !sequelWords.contains(tokens[dashed - 1].lower), let number = facts[dashed].number, number > 0 {
            // `[Figmentos] Monster 34 - At the End of Darkness`: the episode number, then its title.
            return FoundNumbering(
                index: dashed, span: 1, episode: number, numbering: .bareNumber,
                pattern: "\"[Group] Title 07 - Episode\"")
        }
        if end < tokens.count, end > start, let number = facts[end].number, !facts[end].isYear,
            end + 1 == tokens.count || tokens[end + 1].bracketGroup != tokens[end].bracketGroup
        {
            return FoundNumbering(
                index: end, span: 1, episode: number, numbering: .bareNumber, pattern: "\"[Group] Title [07]\"")
        }
        return nil
    }

    /// `Duckman - 101 (01)`: three digits followed by the episode alone in brackets are season and episode.
    private static func confirmedPackedNumber(_ tokens: [NameToken], facts: [TokenFacts], at index: Int)
        -> FoundNumbering?
    {
        guard facts[index].digitCount == 3, let number = facts[index].number, number >= 100, number % 100 > 0,
            index + 1 < tokens.count, tokens[index + 1].isBracketed, facts[index + 1].number == number % 100,
            index + 2 == tokens.count || tokens[index + 2].bracketGroup != tokens[index + 1].bracketGroup
        else { return nil }
        return FoundNumbering(
            index: index, span: 2, season: number / 100, episode: number % 100, numbering: .seasonEpisode,
            pattern: "\"101 (01)\" season and episode digits")
    }

    /// `The Office [401] Fun Run`: three digits alone in brackets after the title, in a name with no year, are
    /// season and episode (but not a frame height such as `[720]`).
    static func bracketedPackedNumber(
        _ tokens: [NameToken], facts: [TokenFacts], start: Int, tagIndex: Int
    ) -> FoundNumbering? {
        guard start + 1 < tagIndex, !facts[start..<tagIndex].contains(where: { $0.isYear }) else { return nil }
        for index in (start + 1)..<tagIndex where tokens[index].isBracketed {
            let group = tokens[index].bracketGroup
            let isAlone =
                tokens[index - 1].bracketGroup != group
                && (index + 1 == tokens.count || tokens[index + 1].bracketGroup != group)
            guard isAlone, facts[index].digitCount == 3, let number = facts[index].number, number >= 100,
                number % 100 > 0, !frameHeights.contains(number)
            else { return nil }
            return FoundNumbering(
                index: index, span: 1, season: number / 100, episode: number % 100, numbering: .seasonEpisode,
                pattern: "\"[401]\" season and episode digits")
        }
        return nil
    }

    static let frameHeights: Set<Int> = [240, 360, 480, 540, 576, 720]

    /// `FooBar.07.PDTV`, `Dead.Set.02.FRENCH`, `Neverwhere.05.Down.Street`: a zero-padded number after the title,
    /// in a name with no year, is an episode (titles write `7`, not `07`).
    static func paddedNumber(
        _ tokens: [NameToken], facts: [TokenFacts], start: Int, tagIndex: Int
    ) -> FoundNumbering? {
        guard start + 1 < tagIndex, !facts[start..<tagIndex].contains(where: { $0.isYear }) else { return nil }
        for index in (start + 1)..<tagIndex where isPaddedEpisode(tokens[index], facts[index]) {
            return FoundNumbering(
                index: index, span: 1, episode: facts[index].number, numbering: .bareNumber,
                pattern: "\"Title.07\" padded number")
        }
        return nil
    }

    /// `Test.13.HDTV`: a number right before a television source is an episode (a film is not broadcast as
    /// `HDTV` with its sequel number), in a name with no year.
    static func numberBeforeBroadcastTag(
        _ tokens: [NameToken], facts: [TokenFacts], start: Int, tagIndex: Int
    ) -> FoundNumbering? {
        let index = tagIndex - 1
        guard index > start, tagIndex < tokens.count,
            let source = tokens[tagIndex].lower.split(separator: "-").first,
            broadcastSources.contains(String(source)), !tokens[index].isBracketed,
            !sequelWords.contains(tokens[index - 1].lower), (1...2).contains(facts[index].digitCount),
            let number = facts[index].number,
            number > 0, !facts[start..<index].contains(where: { $0.isYear })
        else { return nil }
        return FoundNumbering(
            index: index, span: 1, episode: number, numbering: .bareNumber, pattern: "\"Title.13.HDTV\" number")
    }

    /// `Show Name 445 VOSTFR`: a number followed by a fansub subtitle tag is an episode, group or not.
    static func numberBeforeFansubTag(
        _ tokens: [NameToken], facts: [TokenFacts], start: Int, tagIndex: Int
    ) -> FoundNumbering? {
        let end = min(tagIndex, tokens.count - 1)
        guard start + 1 < end else { return nil }
        for index in (start + 1)..<end
        where fansubTags.contains(tokens[index + 1].lower) && !tokens[index].isBracketed {
            guard let number = facts[index].number, number > 0, !facts[index].isYear else { return nil }
            return FoundNumbering(
                index: index, span: 1, episode: number, numbering: .bareNumber, pattern: "\"Title 445 VOSTFR\" number")
        }
        return nil
    }

    static let fansubTags: Set<String> = ["vostfr", "vost", "subbed", "engsub", "vosta"]

    static let broadcastSources: Set<String> = ["hdtv", "pdtv", "sdtv", "dsr", "dsrip", "tvrip", "hdtvrip", "uhdtv"]

    /// `the.flash.2014.208.hdtv`, `Series.2005.211.Episode.Title`: three digits right after the show's year are
    /// season and episode.
    static func packedAfterYear(
        _ tokens: [NameToken], facts: [TokenFacts], start: Int, tagIndex: Int
    ) -> FoundNumbering? {
        guard start + 2 < tagIndex else { return nil }
        for index in (start + 2)..<tagIndex where facts[index - 1].isYear && facts[index].digitCount == 3 {
            guard !tokens[index].isBracketed, let number = facts[index].number, number >= 100, number % 100 > 0,
                !frameHeights.contains(number), !facts[index].isYear
            else { return nil }
            return FoundNumbering(
                index: index, span: 1, season: number / 100, episode: number % 100, numbering: .seasonEpisode,
                pattern: "\"2014.208\" season and episode digits after the year")
        }
        return nil
    }

    /// `07`, `012`, `07v4`: two or three digits starting with zero, outside brackets.
    private static func isPaddedEpisode(_ token: NameToken, _ fact: TokenFacts) -> Bool {
        guard let number = fact.number, number > 0, (2...3).contains(fact.digitCount), !token.isBracketed else {
            return false
        }
        return token.lower.utf8.first == UInt8(ascii: "0")
    }

    /// `[Group] 01 - Title [BD]`, `[Group] 06 Title (720p)`: a fansub release that leads with its episode number,
    /// then the title.
    static func leadingEpisode(_ tokens: [NameToken], facts: [TokenFacts], start: Int) -> FoundNumbering? {
        guard start + 1 < tokens.count, (2...3).contains(facts[start].digitCount), !tokens[start].isBracketed,
            let number = facts[start].number, number > 0,
            tokens[start + 1].afterDash || tokens[start].lower.utf8.first == UInt8(ascii: "0"),
            facts[start + 1].number == nil, !facts[start + 1].isStrongTag,
            !(start + 2..<tokens.count).contains(where: {
                tokens[$0].afterDash && !tokens[$0].isBracketed && facts[$0].number != nil
            })
        else { return nil }
        return FoundNumbering(
            index: start, span: 1, episode: number, numbering: .bareNumber, pattern: "\"[Group] 07 - Title\"")
    }

    /// `The.Office.US.405.HDTV`, `FooBar.0307.PDTV`: season and episode run together in three digits (or four with
    /// a leading zero, or before a broadcast source) right before the release tags, in a name with no year.
    static func compactNumber(
        _ tokens: [NameToken], facts: [TokenFacts], start: Int, tagIndex: Int
    ) -> FoundNumbering? {
        let index = tagIndex - 1
        // `the.simpsons.2401.hdtv`: four digits that are no year, right before a broadcast source, too.
        let isBroadcast =
            tagIndex < tokens.count
            && tokens[tagIndex].lower.split(separator: "-").first.map { broadcastSources.contains(String($0)) } == true
        let isPacked =
            index > start
            && (facts[index].digitCount == 3
                || (facts[index].digitCount == 4
                    && (tokens[index].lower.utf8.first == UInt8(ascii: "0") || (isBroadcast && !facts[index].isYear))))
        guard tagIndex < tokens.count, isPacked, !tokens[index].isBracketed,
            let number = facts[index].number, number % 100 > 0, number >= 100,
            !facts[start..<index].contains(where: { $0.isYear })
        else { return nil }
        return FoundNumbering(
            index: index, span: 1, season: number / 100, episode: number % 100, numbering: .seasonEpisode,
            pattern: "\"405\" season and episode digits")
    }

    /// Words before a number that make it part of a title (`Title Movie 2`, `Vol 3`), not an episode.
    static let sequelWords: Set<String> = ["movie", "film", "part", "vol", "volume", "chapter", "gekijouban"]

    /// `03 - Title`, `03. Title`, `03 Title`, `07`: a number that leads the name (alone only with one or two
    /// digits, so `300` stays a title).
    static func leadingNumber(_ tokens: [NameToken], facts: [TokenFacts], start: Int, titleEnd: Int) -> Int? {
        guard start < tokens.count else { return nil }
        let isPadded = tokens[start].text.hasPrefix("0")
        // `003-004. Show Name`: the first of a padded range.
        let paddedRange = isPadded ? FoundNumbering.numberRange(tokens[start].lower)?.first : nil
        guard let number = facts[start].digitCount <= 3 ? facts[start].number ?? paddedRange : paddedRange else {
            return nil
        }
        let isAlone = start + 1 >= titleEnd && facts[start].digitCount <= 2
        let isSeparated = start + 1 < tokens.count && tokens[start + 1].afterDash
        return isAlone || isSeparated || isPadded || tokens[start].keepsDot ? number : nil
    }

    /// `CD1`, `CD 2`, `Disc 1`, `Disk2`: one file of a movie split across discs.
    static func discNumber(_ tokens: [NameToken], facts: [TokenFacts], at index: Int) -> Int? {
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
    static func partNumber(_ tokens: [NameToken], facts: [TokenFacts], from titleEnd: Int) -> Int? {
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
}
