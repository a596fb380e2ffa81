/// What the parser needs to know about each token, computed once per token.
struct TokenFacts: Sendable {
    /// The value of an all-digit token (up to 4 digits), or of `07v2`.
    var number: Int?
    /// How many digits `number` was written with.
    var digitCount = 0
    var isYear = false
    var isStrongTag = false
    var isWeakTag = false
    var isChecksum = false
    var isID = false
    var wordClass: WordClass

    init(_ token: NameToken) {
        let utf8 = token.lower.utf8
        let isCandidateNumber = utf8.first.map(DigitScanner.isDigit) ?? false
        let isCandidateChecksum = token.bracket != 0 && utf8.count == 8
        let bytes = isCandidateNumber || isCandidateChecksum ? Array(utf8) : []
        var digits = 0
        while digits < bytes.count, DigitScanner.isDigit(bytes[digits]) { digits += 1 }
        let versionSuffix =
            digits > 0 && digits + 1 < bytes.count && bytes[digits] == UInt8(ascii: "v")
            && bytes[(digits + 1)...].allSatisfy(DigitScanner.isDigit) && bytes.count - digits <= 3
        if digits > 0, digits <= 4, digits == bytes.count || versionSuffix {
            var value = 0
            for byte in bytes[0..<digits] { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
            number = value
            digitCount = digits
            isYear = digits == 4 && !versionSuffix && (1900...2039).contains(value)
        }
        wordClass = number == nil ? WordClass.of(token.lower) : []
        isStrongTag = number == nil && ReleaseVocabulary.isStrong(token.lower, wordClass: wordClass)
        isWeakTag = number == nil && !isStrongTag && ReleaseVocabulary.isWeakTag(token, wordClass: wordClass)
        isChecksum = isCandidateChecksum && bytes.allSatisfy(Self.isHex) && number == nil
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        DigitScanner.isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }
}
