/// Turns a run of tokens back into a readable title: words joined by spaces, free-standing dashes kept
/// (`Mission Impossible - Fallout`), abbreviation dots kept (`Mr. Robot`), trailing release tags and ids dropped.
struct TitleBuilder {
    private let tokens: [NameToken]
    private var indices: [Int]

    init(tokens: [NameToken], facts: [TokenFacts], range: Range<Int>) {
        self.tokens = tokens
        var indices = range.filter { !facts[$0].isID }
        while indices.count > 1, let last = indices.last, facts[last].isWeakTag {
            indices.removeLast()
        }
        self.indices = indices
    }

    /// The joined title, or nil when no words are left.
    var text: String? {
        guard !indices.isEmpty else { return nil }
        var output = ""
        for (position, index) in indices.enumerated() {
            let token = tokens[index]
            if position > 0 { output += token.afterDash ? " - " : " " }
            output += token.text
            if token.keepsDot && position < indices.count - 1 { output += "." }
        }
        return output
    }

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
    static func episodeTitle(_ tokens: [NameToken], facts: [TokenFacts], from start: Int) -> String? {
        var end = start
        while end < tokens.count {
            let fact = facts[end]
            if fact.isStrongTag || fact.isChecksum || fact.isID || fact.isYear || tokens[end].isBracketed { break }
            if end > start && tokens[end].afterDash { break }
            if ReleaseNameParser.extraWords.contains(tokens[end].lower) { break }
            end += 1
        }
        guard end > start else { return nil }
        let builder = TitleBuilder(tokens: tokens, facts: facts, range: start..<end)
        guard let text = builder.text, builder.indices.count > 1 || !facts[builder.indices[0]].isWeakTag else {
            return nil
        }
        return text
    }
}
