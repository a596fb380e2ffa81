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
            tokens.append(
                NameToken(
                    text: text, lower: asciiLowercased(slice), bracket: outerBracket,
                    bracketGroup: depth > 0 ? group : -1, afterDash: pendingDash, keepsDot: keepsDot))
            pendingDash = false
        }

        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
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

    /// `Show-S01E02`, `show-1x02`: an episode marker glued to the title by a hyphen becomes its own token.
    private static func splittingGluedMarkers(_ tokens: [NameToken]) -> [NameToken] {
        guard tokens.contains(where: { $0.lower.utf8.contains(UInt8(ascii: "-")) }) else { return tokens }
        var result: [NameToken] = []
        result.reserveCapacity(tokens.count + 1)
        for token in tokens {
            let lowerParts = token.lower.split(separator: "-", omittingEmptySubsequences: false)
            let textParts = token.text.split(separator: "-", omittingEmptySubsequences: false)
            guard lowerParts.count > 1, lowerParts.count == textParts.count,
                EpisodeMarker.parse(String(lowerParts[0])) == nil,
                let markerPart = lowerParts.indices.dropFirst().first(where: {
                    EpisodeMarker.parse(String(lowerParts[$0]))?.episode != nil
                })
            else {
                result.append(token)
                continue
            }
            let pieces = [0..<markerPart, markerPart..<(markerPart + 1), (markerPart + 1)..<lowerParts.count]
            for (position, range) in pieces.enumerated() where !range.isEmpty {
                var piece = token
                piece.text = textParts[range].joined(separator: "-")
                piece.lower = lowerParts[range].joined(separator: "-")
                piece.afterDash = position == 0 ? token.afterDash : position == 2
                piece.keepsDot = range.upperBound == lowerParts.count && token.keepsDot
                result.append(piece)
            }
        }
        return result
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
