/// Season and episode numbers written as words or Roman numerals after a season word (`Saison VII`,
/// `Saison sept`, `Season Two`, `Livre V`), as old collections name them.
enum SpelledNumber {
    /// The value of a Roman numeral up to 39 or a number word up to twenty, or nil.
    static func value(_ lower: String) -> Int? {
        words[lower] ?? romanValue(lower)
    }

    /// `i` ... `xxxix`, written canonically (`iiii` and `vx` are not numerals).
    private static func romanValue(_ lower: String) -> Int? {
        let bytes = Array(lower.utf8)
        guard !bytes.isEmpty, bytes.count <= 7 else { return nil }
        var position = 0
        var tens = 0
        while position < bytes.count, bytes[position] == UInt8(ascii: "x"), tens < 3 {
            tens += 1
            position += 1
        }
        let rest = String(decoding: bytes[position...], as: UTF8.self)
        guard let units = rest.isEmpty ? 0 : romanUnits[rest], tens * 10 + units > 0 else { return nil }
        return tens * 10 + units
    }

    private static let romanUnits: [String: Int] = [
        "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
    ]

    /// English and French number words.
    private static let words: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "un": 1, "une": 1, "deux": 2, "trois": 3,
        "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
    ]
}
