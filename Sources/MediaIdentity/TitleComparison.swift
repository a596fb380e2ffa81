/// Whether two titles name the same thing once case, punctuation and spacing are ignored (`Fight.Club` and
/// `Fight Club`), used to tell a folder or player title that repeats the file's title from one that adds to it.
enum TitleComparison {
    static func same(_ first: String?, _ second: String?) -> Bool {
        guard let first, let second else { return false }
        let left = folded(first)
        return !left.isEmpty && left == folded(second)
    }

    /// Of two spellings of the same title, the better written one: a spelling with capitals beats an all
    /// lower-case one (`the.expanse.s03e04` inside `The.Expanse.S03`).
    static func betterSpelling(_ current: String?, _ candidate: String?) -> String? {
        guard let current, let candidate, same(current, candidate) else { return current }
        let currentHasCapitals = current.contains { $0.isUppercase }
        let candidateHasCapitals = candidate.contains { $0.isUppercase }
        return !currentHasCapitals && candidateHasCapitals ? candidate : current
    }

    static func folded(_ text: String) -> [Character] {
        text.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}
