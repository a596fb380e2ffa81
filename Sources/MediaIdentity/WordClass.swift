/// What a word is in release-name vocabulary, looked up once per token so the parser never hashes a word twice.
struct WordClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt16

    static let strong = WordClass(rawValue: 1 << 0)
    static let weak = WordClass(rawValue: 1 << 1)
    static let tagOnly = WordClass(rawValue: 1 << 2)
    static let seasonWord = WordClass(rawValue: 1 << 3)
    static let episodeWord = WordClass(rawValue: 1 << 4)
    static let extra = WordClass(rawValue: 1 << 5)
    static let edition = WordClass(rawValue: 1 << 6)
    static let language = WordClass(rawValue: 1 << 7)

    /// Every vocabulary word with all its classes, built once from the lists in `ReleaseVocabulary`.
    static let table: [String: WordClass] = {
        var table: [String: WordClass] = [:]
        let lists: [(Set<String>, WordClass)] = [
            (ReleaseVocabulary.strong, .strong), (ReleaseVocabulary.weak, .weak),
            (ReleaseVocabulary.tagOnly, .tagOnly), (FoundNumbering.seasonWords, .seasonWord),
            (FoundNumbering.episodeWords, .episodeWord), (ReleaseNameParser.extraWords, .extra),
            (ReleaseVocabulary.editions, .edition), (ReleaseVocabulary.languages, .language),
        ]
        for (words, wordClass) in lists {
            for word in words { table[word, default: []].insert(wordClass) }
        }
        return table
    }()

    static func of(_ lower: String) -> WordClass {
        table[lower] ?? []
    }
}
