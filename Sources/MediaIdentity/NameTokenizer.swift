/// Splits a release name into words on dots, underscores, spaces and brackets, remembering free-standing dashes
/// and bracket groups; hyphens inside words (`Spider-Man`, `x264-GROUP`, `S01E01-E03`) stay in the word.
enum NameTokenizer {
    /// Longest name considered (a Linux file name is at most 255 bytes); longer input is cut at the end.
    static let maximumNameBytes = 512
    /// Most tokens considered; names beyond this are noise.
    static let maximumTokens = 96

    static func tokenize(_ name: String) -> [NameToken] {
        let bytes = Array(name.utf8.prefix(maximumNameBytes))
        var tokens: [NameToken] = []
        var tokenStart: Int?
        var depth = 0
        var outerBracket: UInt8 = 0
        var group = -1
        var pendingDash = false

        func flush(_ end: Int) {
            guard let start = tokenStart else { return }
            tokenStart = nil
            guard tokens.count < maximumTokens else { return }
            let slice = bytes[start..<end]
            let text = String(decoding: slice, as: UTF8.self)
            let keepsDot =
                end + 1 < bytes.count && bytes[end] == UInt8(ascii: ".") && bytes[end + 1] == UInt8(ascii: " ")
            // `Season 4, Episode 9:`: trailing punctuation stays in the text but not in the word looked up.
            var wordEnd = end
            while wordEnd - 1 > start, trailingPunctuation.contains(bytes[wordEnd - 1]) { wordEnd -= 1 }
            tokens.append(
                NameToken(
                    text: text, lower: asciiLowercased(bytes[start..<wordEnd]), bracket: outerBracket,
                    bracketGroup: depth > 0 ? group : -1, afterDash: pendingDash, keepsDot: keepsDot))
            pendingDash = false
        }

        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // `·` (U+00B7, Plex's `S4 · E9`) separates; `–` and `—` (U+2013, U+2014) are dashes.
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xB7 {
                flush(index)
                index += 2
                continue
            }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94
            {
                flush(index)
                pendingDash = true
                index += 3
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "\t"), UInt8(ascii: "|"),
                UInt8(ascii: "~"):
                flush(index)
            case UInt8(ascii: "+") where tokenStart == nil || !isBoundary(bytes, index + 1):
                flush(index)
            case UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "{"):
                flush(index)
                if depth == 0 {
                    outerBracket = byte
                    group += 1
                }
                depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "}"):
                flush(index)
                if depth > 0 {
                    depth -= 1
                    if depth == 0 { outerBracket = 0 }
                }
            case UInt8(ascii: "-"):
                if tokenStart == nil || isBoundary(bytes, index + 1) {
                    flush(index)
                    pendingDash = true
                }
            default:
                // A plus glued to the end of a word (`HDR10+`, `DD+`) belongs to it, like any other byte.
                if byte < 0x20 || byte == 0x7F {
                    flush(index)
                } else if tokenStart == nil {
                    tokenStart = index
                }
            }
            index += 1
        }
        flush(bytes.count)
        return splittingGluedMarkers(tokens)
    }

    /// `Show-S01E02`, `show-1x02`, `Show-s03-e01`, `Show-e01-Title`, `Film-x02-Making_Of`, `Bond-f21-Title`,
    /// `03-Title`: an episode, bonus or film marker glued to the title by a hyphen, or a zero-padded number glued
    /// before it, becomes its own token (or two).
    private static func splittingGluedMarkers(_ tokens: [NameToken]) -> [NameToken] {
        guard tokens.contains(where: mayHaveGluedMarker) else { return tokens }
        var result: [NameToken] = []
        result.reserveCapacity(tokens.count + 2)
        for token in tokens {
            guard mayHaveGluedMarker(token) else {
                result.append(token)
                continue
            }
            let lowerParts = token.lower.split(separator: "-", omittingEmptySubsequences: false)
            let textParts = token.text.split(separator: "-", omittingEmptySubsequences: false)
            guard lowerParts.count > 1, lowerParts.count == textParts.count,
                let marker = leadingSeason(in: lowerParts)
                    ?? (EpisodeMarker.parse(String(lowerParts[0])) == nil
                        ? leadingPaddedNumber(in: lowerParts) ?? gluedMarker(in: lowerParts) : nil)
            else {
                result.append(token)
                continue
            }
            var pieces = [0..<marker.lowerBound]
            pieces += marker.map { $0..<($0 + 1) }
            pieces.append(marker.upperBound..<lowerParts.count)
            for range in pieces where !range.isEmpty {
                var piece = token
                piece.text = textParts[range].joined(separator: "-")
                piece.lower = lowerParts[range].joined(separator: "-")
                piece.afterDash = range.lowerBound == 0 ? token.afterDash : true
                piece.keepsDot = range.upperBound == lowerParts.count && token.keepsDot
                result.append(piece)
            }
        }
        return result
    }

    /// The hyphen-separated parts that spell episode numbering: one marker with an episode (`s01e02`, `e01`), or a
    /// season part followed by an episode part (`s03-e01`).
    private static func gluedMarker(in parts: [Substring]) -> Range<Int>? {
        for index in parts.indices.dropFirst() {
            if ReleaseNameParser.isNumberedMarker(parts[index], letter: UInt8(ascii: "x"))
                || ReleaseNameParser.isNumberedMarker(parts[index], letter: UInt8(ascii: "f"))
                || (isYear(parts[index]) && !parts[index - 1].utf8.allSatisfy(DigitScanner.isDigit))
            {
                return index..<(index + 1)
            }
            guard let marker = EpisodeMarker.parse(String(parts[index])) else { continue }
            if marker.episode != nil { return index..<(index + 1) }
            if index + 1 < parts.count, let next = EpisodeMarker.parse(String(parts[index + 1])), next.season == nil,
                next.episode != nil
            {
                return index..<(index + 2)
            }
            if index + 1 < parts.count, ReleaseNameParser.isNumberedMarker(parts[index + 1], letter: UInt8(ascii: "x"))
            {
                // `Show-s03-x02-Gag_Reel`: a season's bonus material.
                return index..<(index + 2)
            }
        }
        return nil
    }

    /// `Robot Chicken S06-Born Again`: a season marker glued before the episode's words.
    private static func leadingSeason(in parts: [Substring]) -> Range<Int>? {
        guard let marker = EpisodeMarker.parse(String(parts[0])), marker.episode == nil, marker.season != nil,
            let next = parts[1].utf8.first, next >= UInt8(ascii: "a"), next <= UInt8(ascii: "z"),
            EpisodeMarker.parse(String(parts[1])) == nil
        else { return nil }
        return 0..<1
    }

    /// `Perfect Child-2007-TRUEFRENCH`: a year glued by hyphens.
    private static func isYear(_ part: Substring) -> Bool {
        guard part.utf8.count == 4, part.utf8.allSatisfy(DigitScanner.isDigit), let value = Int(part) else {
            return false
        }
        return (1900...2039).contains(value)
    }

    /// `03-Criminal`: two or three digits starting with zero, then a word.
    private static func leadingPaddedNumber(in parts: [Substring]) -> Range<Int>? {
        guard parts.count == 2, (2...3).contains(parts[0].utf8.count), parts[0].utf8.first == UInt8(ascii: "0"),
            parts[0].utf8.allSatisfy(DigitScanner.isDigit), let next = parts[1].utf8.first,
            !DigitScanner.isDigit(next)
        else { return nil }
        return 0..<1
    }

    private static let trailingPunctuation: Set<UInt8> = [
        UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"),
    ]

    /// A hyphen followed by `s`, `e`, `x`, `f` or a digit (`-s01e02`, `-e01`, `-1x02`, `-x02`), or a leading
    /// zero (`03-Title`); anything else (`x264-GRP`, `WEB-DL`) is skipped cheaply.
    private static func mayHaveGluedMarker(_ token: NameToken) -> Bool {
        var previousWasHyphen = false
        if token.lower.utf8.first == UInt8(ascii: "0") || token.lower.utf8.first == UInt8(ascii: "s") { return true }
        for byte in token.lower.utf8 {
            if previousWasHyphen
                && (byte == UInt8(ascii: "s") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "x")
                    || byte == UInt8(ascii: "f") || DigitScanner.isDigit(byte))
            {
                return true
            }
            previousWasHyphen = byte == UInt8(ascii: "-")
        }
        return false
    }

    private static func isBoundary(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard index < bytes.count else { return true }
        switch bytes[index] {
        case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "("),
            UInt8(ascii: "{"), UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "}"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// ASCII letters lower-cased, everything else as is: all the vocabulary needs, and much cheaper than
    /// Unicode lower-casing.
    static func asciiLowercased(_ text: String) -> String {
        asciiLowercased(ArraySlice(text.utf8))
    }

    static func asciiLowercased(_ bytes: ArraySlice<UInt8>) -> String {
        let hasCapitals = bytes.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
        guard hasCapitals else { return String(decoding: bytes, as: UTF8.self) }
        var lowered = Array(bytes)
        for index in lowered.indices where lowered[index] >= UInt8(ascii: "A") && lowered[index] <= UInt8(ascii: "Z") {
            lowered[index] |= 0x20
        }
        return String(decoding: lowered, as: UTF8.self)
    }
}
