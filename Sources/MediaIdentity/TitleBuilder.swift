/// Turns a run of tokens back into a readable title: words joined by spaces, free-standing dashes kept
/// (`Mission Impossible - Fallout`), abbreviation dots kept (`Mr. Robot`), trailing release tags and ids dropped.
struct TitleBuilder {
    private let tokens: [NameToken]
    private var indices: [Int]

    /// - Parameter keepsOneWord: a title keeps its last word even if it looks like a tag (`It`, `Max`); an
    ///   episode title made only of tags (`FRENCH`, `English Dubbed`) is no title.
    init(tokens: [NameToken], facts: [TokenFacts], range: Range<Int>, keepsOneWord: Bool = true) {
        self.tokens = tokens
        var indices = range.filter { !facts[$0].isID }
        var trimmedTag = false
        while indices.count > (keepsOneWord ? 1 : 0), let last = indices.last {
            let lower = tokens[last].lower
            if facts[last].isWeakTag || facts[last].wordClass.contains(.edition)
                || (trimmedTag && facts[last].wordClass.contains(.weak))
            {
                indices.removeLast()
            } else if lower == "cut" || lower == "edition", indices.count > (keepsOneWord ? 2 : 1),
                ReleaseVocabulary.editionQualifiers.contains(tokens[indices[indices.count - 2]].lower)
            {
                indices.removeLast(2)
            } else if lower == "series" || lower == "season", indices.count > (keepsOneWord ? 2 : 1),
                tokens[indices[indices.count - 2]].lower == "complete"
            {
                // `How.I.Met.Your.Mother.COMPLETE.SERIES`: a box set, not part of the title.
                indices.removeLast(2)
            } else if ReleaseVocabulary.editionQualifiers.contains(lower), indices.count > (keepsOneWord ? 2 : 1),
                tokens[indices[indices.count - 2]].lower == "edition"
            {
                // `Baraka Edition Collector`: the French order.
                indices.removeLast(2)
            } else {
                break
            }
            trimmedTag = true
        }
        self.indices = indices
    }

    /// The joined title, or nil when no words are left. Edition words and phrases are trimmed from the end
    /// (`Extended`, `Directors Cut`), and once a tag has been trimmed, weak words before it go too, whatever
    /// their case (`English Dubbed`).
    var text: String? {
        guard !indices.isEmpty else { return nil }
        if let article = movedArticle {
            return Self(tokens: tokens, indices: Array(indices.dropLast())).text.map { tokens[article].text + " " + $0 }
        }
        var output = ""
        for (position, index) in indices.enumerated() {
            let token = tokens[index]
            if position > 0 { output += token.afterDash ? " - " : " " }
            output += token.text
            if token.keepsDot && position < indices.count - 1 { output += "." }
        }
        // `Stranger Things: Season 4`: a colon or comma that led into the numbering is not part of the title.
        while let last = output.utf8.last,
            last == UInt8(ascii: ":") || last == UInt8(ascii: ",")
                || last == UInt8(ascii: ";")
        {
            output.removeLast()
        }
        return output.isEmpty ? nil : output
    }

    private init(tokens: [NameToken], indices: [Int]) {
        self.tokens = tokens
        self.indices = indices
    }

    /// `Simpsons, The`: a library-sorted title whose article, after a comma, goes back to the front.
    private var movedArticle: Int? {
        guard indices.count > 1, let last = indices.last, Self.articles.contains(tokens[last].lower),
            tokens[indices[indices.count - 2]].text.utf8.last == UInt8(ascii: ",")
        else { return nil }
        return last
    }

    private static let articles: Set<String> = ["the", "a", "an"]

    /// Removes an upper-case country code that ends a longer title (`The.Office.US`) and returns it; only when a
    /// year or episode numbering follows, so `Agent UK` alone stays as written.
    mutating func takeCountry(followedByNumbering: Bool) -> String? {
        guard followedByNumbering, indices.count > 1, let last = indices.last else { return nil }
        let token = tokens[last]
        guard ReleaseVocabulary.countries.contains(token.lower), token.text.utf8.count == 2,
            token.text.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
        else { return nil }
        indices.removeLast()
        return token.text
    }

    /// The words after the episode numbering up to the first tag, bracket or year (`S01E02.The.Fire.720p` →
    /// `The Fire`).
    static func episodeTitle(_ tokens: [NameToken], facts: [TokenFacts], from numberingEnd: Int) -> String? {
        var start = numberingEnd
        // `Show - S01E01 - 001 - Title`: an absolute number between the numbering and the title is skipped.
        if start + 1 < tokens.count, tokens[start].afterDash, facts[start].number != nil, !facts[start].isYear,
            tokens[start + 1].afterDash
        {
            start += 1
        }
        var end = start
        while end < tokens.count {
            let fact = facts[end]
            if fact.isStrongTag || fact.isChecksum || fact.isID || fact.isYear || tokens[end].isBracketed { break }
            if end > start && tokens[end].afterDash { break }
            if facts[end].wordClass.contains(.extra) { break }
            end += 1
        }
        guard end > start else { return nil }
        return TitleBuilder(tokens: tokens, facts: facts, range: start..<end, keepsOneWord: false).text
    }
}
