/// Episode numbering found at a position of a tokenised name, and how many tokens it spans.
struct FoundNumbering: Sendable, Equatable {
    var index: Int
    var span: Int
    var season: Int?
    var episode: Int?
    var episodeEnd: Int?
    var airDate: String?
    var numbering: ParsedName.Numbering
    var pattern: String

    /// Looks for every multi-word and single-word spelling of episode numbering starting at `index`.
    static func find(at index: Int, in tokens: [NameToken], facts: [TokenFacts]) -> FoundNumbering? {
        let token = tokens[index]
        let lower = token.lower
        if let marker = EpisodeMarker.parse(lower) {
            let found = FoundNumbering(
                index: index, span: 1, season: marker.season, episode: marker.episode, episodeEnd: marker.episodeEnd,
                numbering: marker.episode == nil ? .seasonOnly : (marker.season == nil ? .episodeOnly : .seasonEpisode),
                pattern: marker.pattern)
            return found.numbering == .seasonOnly
                ? found.extended(tokens: tokens, facts: facts) : found.continued(tokens: tokens)
        }
        if ReleaseNameParser.isBonusMarker(token), lower.utf8.first == UInt8(ascii: "s") {
            // `My.Name.Is.Earl.S01Extras`: a season's extras.
            var scanner = DigitScanner(Array(lower.utf8.dropFirst()))
            if let season = scanner.number(maxDigits: 2) {
                return FoundNumbering(
                    index: index, span: 1, season: season, numbering: .seasonOnly, pattern: "\"S01Extras\" marker")
            }
        }
        if let season = wordNumber(at: index, word: .seasonWord, tokens: tokens, facts: facts) {
            let found = FoundNumbering(
                index: index, span: season.span, season: season.value, numbering: .seasonOnly,
                pattern: "\"Season N\" words")
            return found.extended(tokens: tokens, facts: facts)
        }
        if index + 1 < tokens.count, tokens[index + 1].lower == "season", let ordinal = ordinalValue(lower) {
            let found = FoundNumbering(
                index: index, span: 2, season: ordinal, numbering: .seasonOnly, pattern: "\"2nd Season\" words")
            return found.extended(tokens: tokens, facts: facts)
        }
        if let episode = wordNumber(at: index, word: .episodeWord, tokens: tokens, facts: facts) {
            return FoundNumbering(
                index: index, span: episode.span, episode: episode.value, episodeEnd: episode.end,
                numbering: .episodeOnly, pattern: "\"Episode N\" words")
        }
        if let number = facts[index].number, !facts[index].isYear, index + 1 < tokens.count,
            facts[index + 1].wordClass.contains(.episodeWord),
            index + 2 == tokens.count || facts[index + 2].number == nil
        {
            // `5.серия.из.12`: the number before the word, as Russian and Ukrainian names write it.
            return FoundNumbering(
                index: index, span: 2, episode: number, numbering: .episodeOnly, pattern: "\"N Episode\" words")
        }
        if let date = dateAt(index, tokens: tokens, facts: facts) {
            return date
        }
        return countOf(at: index, tokens: tokens, facts: facts)
    }

    /// After a season-only marker, an episode may follow in its own word (`S01.E02`, `Season 2 Episode 3`,
    /// `S2 - 07`, `Season 2 1of4`).
    private func extended(tokens: [NameToken], facts: [TokenFacts]) -> FoundNumbering {
        let next = index + span
        guard next < tokens.count else { return self }
        var result = self
        if let marker = EpisodeMarker.parse(tokens[next].lower), marker.season == nil, let episode = marker.episode {
            result.episode = episode
            result.episodeEnd = marker.episodeEnd
            result.span += 1
        } else if let episode = Self.wordNumber(at: next, word: .episodeWord, tokens: tokens, facts: facts) {
            result.episode = episode.value
            result.episodeEnd = episode.end
            result.span += episode.span
        } else if tokens[next].afterDash, let number = facts[next].number, !facts[next].isYear {
            result.episode = number
            result.span += 1
        } else if let count = Self.countOf(at: next, tokens: tokens, facts: facts), count.index == next {
            result.episode = count.episode
            result.span += count.span
        } else if ReleaseNameParser.isBonusMarker(tokens[next]) {
            // `Show-s03-x02`: bonus material numbered within the season.
            var scanner = DigitScanner(Array(tokens[next].lower.utf8.dropFirst()))
            result.episode = scanner.number(maxDigits: 2)
            result.span += 1
        } else {
            return self
        }
        result.numbering = .seasonEpisode
        return result
    }

    /// `Stagione 6 (2016) 720p ep13`, `Temporada 4 [HDTV][Cap.408]`, `Mind Field S2 (Ep 6)`: an episode word
    /// further on completes a season; `Cap.408` of season 4 is episode 8.
    func withLaterEpisode(tokens: [NameToken], facts: [TokenFacts]) -> FoundNumbering {
        guard let season else { return self }
        for index in (self.index + span)..<tokens.count {
            var episode: Int?
            if let marker = EpisodeMarker.parse(tokens[index].lower), marker.season == nil {
                episode = marker.episode
            } else if let word = Self.wordNumber(at: index, word: .episodeWord, tokens: tokens, facts: facts) {
                episode = word.value
            } else if facts[index].wordClass.contains(.episodeWord), index + 1 < tokens.count,
                let packed = facts[index + 1].number, packed / 100 == season
            {
                // `Temporada 19 [Cap.1901]`: season and episode digits that happen to look like a year.
                episode = packed
            }
            guard var episode else { continue }
            if episode >= 100, episode / 100 == season { episode %= 100 }
            var result = self
            result.episode = episode
            result.numbering = .seasonEpisode
            result.pattern += " and a later episode word"
            return result
        }
        return self
    }

    /// `S01E01.E02`: a further episode in the next word.
    private func continued(tokens: [NameToken]) -> FoundNumbering {
        let next = index + span
        guard let episode, next < tokens.count, let marker = EpisodeMarker.parse(tokens[next].lower),
            marker.season == nil, let more = marker.episode, more > episode
        else { return self }
        var result = self
        result.episodeEnd = marker.episodeEnd ?? more
        result.span += 1
        return result
    }

    static let seasonWords: Set<String> = [
        "season", "seasons", "series", "saison", "staffel", "temporada", "stagione", "seizoen", "sezon", "sæson",
        "livre", "temp", "tem",
    ]
    static let episodeWords: Set<String> = [
        "episode", "ep", "eps", "episodio", "folge", "afl", "aflevering", "épisode", "Épisode", "capitulo",
        "capítulo", "cap", "odcinek", "jakso", "avsnitt", "epizod", "episodul", "серия", "epi",
    ]

    /// `Season 2`, `Season.02`, `season2`, `Episode 5`, `Episode 5-6`, `Saison VII`, `Saison sept`: a keyword and
    /// a number.
    private static func wordNumber(
        at index: Int, word: WordClass, tokens: [NameToken], facts: [TokenFacts]
    ) -> (value: Int, end: Int?, span: Int)? {
        let lower = tokens[index].lower
        if facts[index].wordClass.contains(word), index + 1 < tokens.count, !tokens[index + 1].afterDash,
            tokens[index + 1].bracketGroup == tokens[index].bracketGroup
        {
            // A year after `Series`, `Seasons` or `Episode` is part of a title (`The.Series.2019`,
            // `The.Four.Seasons.2025`); `Season 2024` is a season.
            let yearAllowed = word == .seasonWord && lower != "series" && lower != "seasons"
            if let value = facts[index + 1].number, yearAllowed || !facts[index + 1].isYear {
                return (value, nil, 2)
            }
            if let range = numberRange(tokens[index + 1].lower) {
                return (range.first, range.last, 2)
            }
            if word == .seasonWord, let first = leadingCount(tokens[index + 1].lower) {
                return (first, nil, 2)
            }
            // Spelled only after a season word: `Star Wars Episode IV` stays a title.
            guard word == .seasonWord else { return nil }
            return SpelledNumber.value(tokens[index + 1].lower).map { ($0, nil, 2) }
        }
        guard let last = lower.utf8.last, DigitScanner.isDigit(last) else { return nil }
        let bytes = Array(lower.utf8)
        var wordEnd = bytes.count
        while wordEnd > 0, DigitScanner.isDigit(bytes[wordEnd - 1]) { wordEnd -= 1 }
        guard wordEnd > 0, bytes.count - wordEnd <= 4,
            WordClass.of(String(decoding: bytes[0..<wordEnd], as: UTF8.self)).contains(word)
        else { return nil }
        var scanner = DigitScanner(Array(bytes[wordEnd...]))
        return scanner.number(maxDigits: 4).map { ($0, nil, 1) }
    }

    /// `2of5`, `1&3`, `1&3-1to12ep`: the first of several seasons.
    private static func leadingCount(_ lower: String) -> Int? {
        var scanner = DigitScanner(Array(lower.utf8))
        guard let value = scanner.number(maxDigits: 2) else { return nil }
        let joined =
            scanner.skip(UInt8(ascii: "&")) || (scanner.skip(UInt8(ascii: "o")) && scanner.skip(UInt8(ascii: "f")))
        return joined ? value : nil
    }

    /// `01-12`: a range of numbers in one token (batches, multi-episode files).
    static func numberRange(_ lower: String) -> (first: Int, last: Int)? {
        var scanner = DigitScanner(Array(lower.utf8))
        guard let first = scanner.number(maxDigits: 4), scanner.skip(UInt8(ascii: "-")) else { return nil }
        _ = scanner.skip(UInt8(ascii: "e"))
        guard let last = scanner.number(maxDigits: 4), scanner.isAtEnd, last > first else { return nil }
        return (first, last)
    }

    private static func ordinalValue(_ lower: String) -> Int? {
        switch lower {
        case "first", "1st": return 1
        case "second", "2nd": return 2
        case "third", "3rd": return 3
        case "fourth", "4th": return 4
        case "fifth", "5th": return 5
        case "sixth", "6th": return 6
        case "seventh", "7th": return 7
        case "eighth", "8th": return 8
        case "ninth", "9th": return 9
        case "tenth", "10th": return 10
        default: return nil
        }
    }

    /// `2024.05.01` (three words) or `2024-05-01` (one): a date-based episode.
    private static func dateAt(_ index: Int, tokens: [NameToken], facts: [TokenFacts]) -> FoundNumbering? {
        if facts[index].isYear, index + 2 < tokens.count, let year = facts[index].number,
            let month = facts[index + 1].number, facts[index + 1].digitCount == 2,
            let day = facts[index + 2].number, facts[index + 2].digitCount == 2,
            (1...12).contains(month), (1...31).contains(day)
        {
            return FoundNumbering(
                index: index, span: 3, airDate: formatDate(year, month, day), numbering: .date,
                pattern: "air date")
        }
        if let date = monthDayYear(tokens[index].lower) {
            return FoundNumbering(index: index, span: 1, airDate: date, numbering: .date, pattern: "air date")
        }
        var scanner = DigitScanner(Array(tokens[index].lower.utf8))
        guard scanner.bytes.count == 10, let year = scanner.number(maxDigits: 4), scanner.skip(UInt8(ascii: "-")),
            let month = scanner.number(maxDigits: 2), scanner.skip(UInt8(ascii: "-")),
            let day = scanner.number(maxDigits: 2), scanner.isAtEnd,
            (1900...2039).contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return FoundNumbering(
            index: index, span: 1, airDate: formatDate(year, month, day), numbering: .date, pattern: "air date")
    }

    /// `03-29-2012` (month first, as American names write it) or `29-03-2012` when the first number cannot be a
    /// month.
    private static func monthDayYear(_ lower: String) -> String? {
        var scanner = DigitScanner(Array(lower.utf8))
        guard scanner.bytes.count == 10, let first = scanner.number(maxDigits: 2), scanner.skip(UInt8(ascii: "-")),
            let second = scanner.number(maxDigits: 2), scanner.skip(UInt8(ascii: "-")),
            let year = scanner.number(maxDigits: 4), scanner.isAtEnd, (1900...2039).contains(year)
        else { return nil }
        if (1...12).contains(first), (1...31).contains(second) { return formatDate(year, first, second) }
        if (1...12).contains(second), (1...31).contains(first) { return formatDate(year, second, first) }
        return nil
    }

    private static func formatDate(_ year: Int, _ month: Int, _ day: Int) -> String {
        let pad: (Int) -> String = { $0 < 10 ? "0\($0)" : "\($0)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    /// `1of6`, `1 of 6`, `Part 1 of 6`: documentary episodes.
    static func countOf(at index: Int, tokens: [NameToken], facts: [TokenFacts]) -> FoundNumbering? {
        if let value = facts[index].number, index + 2 < tokens.count, tokens[index + 1].lower == "of",
            facts[index + 2].number != nil
        {
            let isPart = index > 0 && (tokens[index - 1].lower == "part" || tokens[index - 1].lower == "pt")
            return FoundNumbering(
                index: isPart ? index - 1 : index, span: isPart ? 4 : 3, episode: value, numbering: .episodeOnly,
                pattern: "\"N of M\" words")
        }
        guard let first = tokens[index].lower.utf8.first, DigitScanner.isDigit(first) else { return nil }
        var scanner = DigitScanner(Array(tokens[index].lower.utf8))
        guard let value = scanner.number(maxDigits: 2), scanner.skip(UInt8(ascii: "o")),
            scanner.skip(UInt8(ascii: "f")),
            scanner.number(maxDigits: 3) != nil, scanner.isAtEnd
        else { return nil }
        return FoundNumbering(index: index, span: 1, episode: value, numbering: .episodeOnly, pattern: "\"NofM\" word")
    }
}
