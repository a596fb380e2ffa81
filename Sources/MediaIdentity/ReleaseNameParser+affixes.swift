/// What surrounds a title: website prefixes, group brackets, release tags, countries and extras.
extension ReleaseNameParser {
    /// Skips a website prefix (`www.Site.org - `), a running number in parentheses (`(1)`), a leading date
    /// (`09.03.08.`) and leading bracket groups (`[Group]`), which never hold the title unless nothing else does.
    static func prefixEnd(_ tokens: [NameToken], facts: [TokenFacts]) -> (start: Int, hasGroup: Bool) {
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
        if start + 1 < tokens.count, tokens[start].bracket == UInt8(ascii: "("), facts[start].digitCount <= 2,
            facts[start].number != nil, tokens[start + 1].bracketGroup != tokens[start].bracketGroup
        {
            // `(1)The Girl With...`: a collection's running number, not part of the title.
            start += 1
        }
        if start + 3 < tokens.count, (start..<start + 3).allSatisfy({ facts[$0].digitCount == 2 }),
            facts[start + 3].number == nil
        {
            // `09.03.08.The.Doors`: the day a collector filed it.
            start += 3
        }
        var hasGroup = false
        while start < tokens.count, tokens[start].bracket == UInt8(ascii: "[") {
            let group = tokens[start].bracketGroup
            var end = start
            var isSiteTag = false
            var isAllTags = true
            while end < tokens.count, tokens[end].bracketGroup == group {
                let lower = tokens[end].lower
                if ReleaseVocabulary.siteTags.contains(lower) || ReleaseVocabulary.topLevelDomains.contains(lower) {
                    isSiteTag = true
                }
                isAllTags = isAllTags && facts[end].isStrongTag
                end += 1
            }
            // `[h265 - HEVC] Title`: tags in front, not a fansub group (`[Hi10]` alone still marks anime).
            hasGroup = hasGroup || !(isSiteTag || (isAllTags && end - start > 1))
            start = end
        }
        return (start, hasGroup)
    }

    /// The first release tag, part marker (`CD1`), bonus marker (`-x02`, `S01Extras`) or checksum at or after
    /// `start`.
    static func firstTag(_ tokens: [NameToken], facts: [TokenFacts], from start: Int) -> Int {
        for index in start..<tokens.count {
            if facts[index].isStrongTag || facts[index].isChecksum || isBonusMarker(tokens[index]) { return index }
            let lower = tokens[index].lower
            if lower == "h", index + 1 < tokens.count, ["264", "265"].contains(tokens[index + 1].lower) {
                return index
            }
            if discNumber(tokens, facts: facts, at: index) != nil { return index }
        }
        return tokens.count
    }

    /// The first bracket group after the title start that is not the year (or an id inside the title).
    static func firstBracket(
        _ tokens: [NameToken], facts: [TokenFacts], after start: Int, yearIndex: Int?
    ) -> Int? {
        guard start + 1 < tokens.count else { return nil }
        for index in (start + 1)..<tokens.count where tokens[index].isBracketed && index != yearIndex {
            return index
        }
        return nil
    }

    /// `The Office (US) - S01E01`: a country in its own bracket right after the title.
    static func bracketCountry(_ tokens: [NameToken], at index: Int?) -> String? {
        guard let index, ReleaseVocabulary.countries.contains(tokens[index].lower) else { return nil }
        let group = tokens[index].bracketGroup
        let isAlone = index + 1 >= tokens.count || tokens[index + 1].bracketGroup != group
        return isAlone ? tokens[index].text.uppercased() : nil
    }

    /// `x02` in `Film-x02-Making_Of`, `f21` in `James_Bond-f21-Casino_Royale`: a letter and one or two digits.
    static func isNumberedMarker(_ part: Substring, letter: UInt8) -> Bool {
        let bytes = part.utf8
        guard (2...3).contains(bytes.count), bytes.first == letter else { return false }
        return bytes.dropFirst().allSatisfy(DigitScanner.isDigit)
    }

    /// `-x02` after a title (bonus material numbered in a collection) or `S01Extras` (a season's extras).
    static func isBonusMarker(_ token: NameToken) -> Bool {
        if token.afterDash, isNumberedMarker(Substring(token.lower), letter: UInt8(ascii: "x")) { return true }
        guard token.lower.hasSuffix("extras") || token.lower.hasSuffix("extra") else { return false }
        var scanner = DigitScanner(Array(token.lower.utf8))
        return scanner.skip(UInt8(ascii: "s")) && scanner.number(maxDigits: 2) != nil
    }

    /// `James_Bond-f21-Casino_Royale`: a collection's film number; the film's own title follows it.
    static func filmNumberEnd(_ tokens: [NameToken], from start: Int) -> Int? {
        guard start + 2 < tokens.count else { return nil }
        for index in (start + 1)..<(tokens.count - 1)
        where tokens[index].afterDash && isNumberedMarker(Substring(tokens[index].lower), letter: UInt8(ascii: "f")) {
            return index + 1
        }
        return nil
    }

    static let extraWords: Set<String> = [
        "sample", "trailer", "teaser", "featurette", "featurettes", "extras", "bonus", "behindthescenes",
        "making-of", "makingof", "deleted", "promo", "preview", "interview", "interviews",
    ]
    static let extraSuffixes = ["-sample", "-trailer", "-featurette", "-extra", "-behindthescenes", "-deleted"]

    /// A sample, trailer or similar extra: the word after the tags (or after a movie's title), last, or in
    /// brackets (`Trailer Park Boys` and `The Sample (2019)` stay titles).
    static func extraKind(
        _ tokens: [NameToken], facts: [TokenFacts], start: Int, from extrasStart: Int
    ) -> String? {
        for index in start..<tokens.count {
            let lower = tokens[index].lower
            if index > start, isBonusMarker(tokens[index]) { return "bonus material" }
            if lower.utf8.contains(UInt8(ascii: "-")) {
                for suffix in extraSuffixes where lower.hasSuffix(suffix) {
                    return String(suffix.dropFirst())
                }
                if index == start, lower.hasPrefix("sample-") { return "sample" }
            }
            guard index > start, facts[index].wordClass.contains(.extra) else { continue }
            if index >= extrasStart || index == tokens.count - 1 || tokens[index].isBracketed {
                return lower
            }
        }
        return nil
    }
}
