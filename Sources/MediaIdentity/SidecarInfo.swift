/// What a Kodi/Jellyfin `.nfo` sidecar says about a movie, an episode or a show: the few fields that
/// identification uses (ids, title, year, season, episode). Users and media managers write these files by hand
/// or by tool, so they are better evidence than any name and win over parsing.
///
/// Read by a small tolerant scanner, not an XML parser: only the root element's direct children are looked at,
/// entities are the five predefined ones and character references (no DTD, so no entity expansion), CDATA is
/// taken literally, and the work is linear in the first ``maximumBytes`` of the text.
public struct SidecarInfo: Sendable, Hashable {
    /// Which root element the file has.
    public enum Kind: Sendable, Hashable {
        case movie, episode, show
    }

    public var kind: Kind
    /// The movie title, the episode title (`episodedetails`) or the show title (`tvshow`).
    public var title: String?
    /// `<showtitle>` of an episode.
    public var showTitle: String?
    public var year: Int?
    public var season: Int?
    public var episode: Int?
    public var tmdbID: Int?
    public var tvdbID: Int?
    public var imdbID: String?

    /// Longer texts are read only this far; sidecars are a few kilobytes.
    public static let maximumBytes = 256 * 1024
    /// Longer field values are ignored (a title is never this long).
    static let maximumFieldBytes = 1024

    /// Reads a sidecar; nil when the text is not a movie, episode or show `.nfo` (scene `.nfo` files are ASCII
    /// art) or carries none of the fields.
    public init?(nfo text: String) {
        var scanner = SidecarScanner(bytes: Array(text.utf8.prefix(Self.maximumBytes)))
        guard let root = scanner.rootKind() else { return nil }
        kind = root
        while let (name, attributes, value) = scanner.nextField() {
            read(name: name, attributes: attributes, value: value)
        }
        if title == nil, showTitle == nil, tmdbID == nil, tvdbID == nil, imdbID == nil, season == nil,
            episode == nil
        {
            return nil
        }
    }

    private mutating func read(name: String, attributes: ArraySlice<UInt8>, value: String) {
        switch name {
        case "title": title = title ?? Self.text(value)
        case "showtitle": showTitle = showTitle ?? Self.text(value)
        case "year": year = year ?? Self.number(value).flatMap(Self.plausibleYear)
        case "premiered", "aired": year = year ?? Self.number(String(value.prefix(4))).flatMap(Self.plausibleYear)
        case "season": season = season ?? Self.number(value)
        case "episode": episode = episode ?? Self.number(value)
        case "uniqueid": readID(type: SidecarScanner.attribute("type", in: attributes), value: value)
        case "tmdbid": readID(type: "tmdb", value: value)
        case "tvdbid": readID(type: "tvdb", value: value)
        case "imdbid", "imdb_id": readID(type: "imdb", value: value)
        case "id": readID(type: value.hasPrefix("tt") ? "imdb" : nil, value: value)
        default: break
        }
    }

    private mutating func readID(type: String?, value: String) {
        switch type {
        case "tmdb": tmdbID = tmdbID ?? Self.number(value)
        case "tvdb": tvdbID = tvdbID ?? Self.number(value)
        case "imdb":
            let bytes = value.utf8
            if bytes.count >= 9, bytes.count <= 12, value.hasPrefix("tt"),
                bytes.dropFirst(2).allSatisfy(DigitScanner.isDigit)
            {
                imdbID = imdbID ?? value
            }
        default: break
        }
    }

    private static func text(_ value: String) -> String? {
        value.isEmpty ? nil : value
    }

    /// A positive whole number of at most nine digits.
    private static func number(_ value: String) -> Int? {
        let bytes = value.utf8
        guard !bytes.isEmpty, bytes.count <= 9, bytes.allSatisfy(DigitScanner.isDigit) else { return nil }
        return Int(value)
    }

    private static func plausibleYear(_ year: Int) -> Int? {
        (1870...2200).contains(year) ? year : nil
    }
}
