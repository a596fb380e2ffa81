/// Whether two titles name the same thing once case, punctuation and spacing are ignored (`Fight.Club` and
/// `Fight Club`), used to tell a folder or player title that repeats the file's title from one that adds to it.
enum TitleComparison {
    static func same(_ first: String?, _ second: String?) -> Bool {
        guard let first, let second else { return false }
        let left = folded(first)
        return !left.isEmpty && left == folded(second)
    }

    static func folded(_ text: String) -> [Character] {
        text.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}
