/// Season and episode numbers read from one marker word: `S01E02`, `s1e2`, `S01E01E02`, `S01E01-E03`,
/// `S01E01-03`, `S06xE01`, `1x02`, `1940x01`, `1x01-02`, `S02`, `S07D1`, `E05`, `Ep05`, `E01-E03`.
struct EpisodeMarker: Sendable, Equatable {
    var season: Int?
    var episode: Int?
    var episodeEnd: Int?
    /// Which spelling matched, for the reasons of an identification.
    var pattern: String

    /// Parses one lower-cased token, or returns nil when it is not a marker.
    static func parse(_ lower: String) -> EpisodeMarker? {
        guard lower.utf8.count >= 2, let first = lower.utf8.first,
            first == UInt8(ascii: "s") || first == UInt8(ascii: "e") || DigitScanner.isDigit(first)
        else { return nil }
        var scanner = DigitScanner(Array(lower.utf8))
        switch scanner.peek {
        case UInt8(ascii: "s"):
            scanner.advance()
            return seasonFirst(&scanner)
        case UInt8(ascii: "e"):
            scanner.advance()
            _ = scanner.skip(UInt8(ascii: "p"))
            guard let episode = scanner.number(maxDigits: 4) else { return nil }
            let end = rangeEnd(&scanner, letter: UInt8(ascii: "e"))
            guard scanner.isAtEndOrVersion else { return nil }
            return EpisodeMarker(episode: episode, episodeEnd: end, pattern: "E05 episode marker")
        case .some(let byte) where DigitScanner.isDigit(byte):
            // `Looney Tunes 1940x01`: a season may be named by its year (with a two-digit episode, so
            // `1920x240` stays a frame size).
            guard let season = scanner.number(maxDigits: 4), season < 100 || (1900...2039).contains(season),
                scanner.skip(UInt8(ascii: "x"))
            else { return nil }
            let rest = scanner.bytes[scanner.position...]
            if rest.starts(with: Array("all".utf8)), rest.count == 3 || rest.dropFirst(3).first == UInt8(ascii: "-") {
                // `Something.1xAll`, `Something.1xAll-GROUP`: a whole season.
                return EpisodeMarker(season: season, pattern: "1xAll season marker")
            }
            guard let episode = scanner.number(maxDigits: season < 100 ? 3 : 2) else { return nil }
            let end = rangeEnd(&scanner, letter: UInt8(ascii: "x"))
            guard scanner.isAtEndOrVersion else { return nil }
            return EpisodeMarker(season: season, episode: episode, episodeEnd: end, pattern: "1x02 marker")
        default:
            return nil
        }
    }

    private static func seasonFirst(_ scanner: inout DigitScanner) -> EpisodeMarker? {
        guard let season = scanner.number(maxDigits: 4) else { return nil }
        if scanner.isAtEnd { return EpisodeMarker(season: season, pattern: "S01 season marker") }
        if scanner.skip(UInt8(ascii: "-")) {
            if scanner.peek == UInt8(ascii: "e") {
                return seasonFirst(&scanner, season: season)
            }
            _ = scanner.skip(UInt8(ascii: "s"))
            guard scanner.number(maxDigits: 4) != nil, scanner.isAtEnd else { return nil }
            return EpisodeMarker(season: season, pattern: "S01-S03 season range")
        }
        return seasonFirst(&scanner, season: season)
    }

    /// The episode part after a season (`E02`, `-E02`, `xE02`, `EP02`) and any further episodes.
    private static func seasonFirst(_ scanner: inout DigitScanner, season: Int) -> EpisodeMarker? {
        if scanner.skip(UInt8(ascii: "d")) {
            // `S07D1`, `S07D1-3&5`: the discs of a season set.
            guard scanner.number(maxDigits: 2) != nil else { return nil }
            return EpisodeMarker(season: season, pattern: "S01D1 season disc marker")
        }
        _ = scanner.skip(UInt8(ascii: "x"))
        guard scanner.skip(UInt8(ascii: "e")) else { return nil }
        _ = scanner.skip(UInt8(ascii: "p"))
        guard let episode = scanner.number(maxDigits: 4) else { return nil }
        let end = rangeEnd(&scanner, letter: UInt8(ascii: "e"))
        guard scanner.isAtEndOrVersion || scanner.peek == UInt8(ascii: "-") else { return nil }
        return EpisodeMarker(season: season, episode: episode, episodeEnd: end, pattern: "S01E02 marker")
    }

    /// Reads further episodes of a multi-episode marker (`E02E03`, `-E03`, `-03`, `x03`) and returns the last.
    private static func rangeEnd(_ scanner: inout DigitScanner, letter: UInt8) -> Int? {
        var end: Int?
        while !scanner.isAtEnd {
            let saved = scanner.position
            let dashed = scanner.skip(UInt8(ascii: "-"))
            if dashed, scanner.peek == UInt8(ascii: "s") {
                scanner.advance()
                guard scanner.number(maxDigits: 4) != nil else {
                    scanner.position = saved
                    break
                }
            }
            let lettered = scanner.skip(letter)
            guard dashed || lettered, let next = scanner.number(maxDigits: 4) else {
                scanner.position = saved
                break
            }
            end = next
        }
        return end
    }
}
