/// Database ids that media servers write into paths (`{tmdb-550}`, `[imdbid-tt0137523]`, `{tvdb-12345}`).
struct ExternalIDs: Sendable, Equatable {
    var tmdb: Int?
    var tvdb: Int?
    var imdb: String?

    var isEmpty: Bool { tmdb == nil && tvdb == nil && imdb == nil }

    /// Reads an id from one lower-cased token; returns false when the token is not an id.
    mutating func read(_ lower: String) -> Bool {
        guard lower.utf8.count >= 6, let first = lower.utf8.first,
            first == UInt8(ascii: "t") || first == UInt8(ascii: "i")
        else { return false }
        let bytes = Array(lower.utf8)
        if bytes.count >= 9, bytes.count <= 11, bytes[0] == UInt8(ascii: "t"), bytes[1] == UInt8(ascii: "t"),
            Self.allDigits(bytes[2...])
        {
            imdb = imdb ?? lower
            return true
        }
        for (key, kind) in Self.keys where lower.hasPrefix(key) {
            var rest = bytes[key.utf8.count...]
            if rest.first == UInt8(ascii: "i"), rest.dropFirst().first == UInt8(ascii: "d") {
                rest = rest.dropFirst(2)
            }
            guard let separator = rest.first, separator == UInt8(ascii: "-") || separator == UInt8(ascii: "=")
            else { continue }
            let value = rest.dropFirst()
            switch kind {
            case .imdb:
                guard value.count >= 9, value.first == UInt8(ascii: "t"), Self.allDigits(value.dropFirst(2))
                else { return false }
                imdb = imdb ?? String(decoding: value, as: UTF8.self)
            case .tmdb, .tvdb:
                guard value.count <= 9, Self.allDigits(value), let number = Int(String(decoding: value, as: UTF8.self))
                else { return false }
                if kind == .tmdb { tmdb = tmdb ?? number } else { tvdb = tvdb ?? number }
            }
            return true
        }
        return false
    }

    /// Fills the ids this value lacks from another source (a parent folder).
    mutating func merge(_ other: ExternalIDs) {
        tmdb = tmdb ?? other.tmdb
        tvdb = tvdb ?? other.tvdb
        imdb = imdb ?? other.imdb
    }

    private enum Kind { case tmdb, tvdb, imdb }
    private static let keys: [(String, Kind)] = [("tmdb", .tmdb), ("tvdb", .tvdb), ("imdb", .imdb)]

    private static func allDigits(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
