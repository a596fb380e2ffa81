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
        let isCapital = { (byte: UInt8) in byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        let currentHasCapitals = current.utf8.contains(where: isCapital)
        let candidateHasCapitals = candidate.utf8.contains(where: isCapital)
        return !currentHasCapitals && candidateHasCapitals ? candidate : current
    }

    /// ASCII letters lower-cased and digits kept, ASCII punctuation and spaces dropped, other bytes kept as
    /// they are (enough to compare spellings of one title, and fast).
    static func folded(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): output.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...:
                output.append(byte)
            default: break
            }
        }
        return output
    }
}
