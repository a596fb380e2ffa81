/// Where an item lives, decoded from what a player put in `xesam:url` (or a title that is really a path):
/// the file name and the folders above it, nearest first.
struct MediaLocation: Sendable, Equatable {
    /// The last path component, percent-decoded.
    var fileName: String
    /// Parent folders, nearest first, at most `maximumDirectories` of them.
    var directories: [String]
    /// True for `http://`, `https://` and other non-file schemes (streams, web players).
    var isRemote: Bool

    /// Longest input considered; the end of a path (the file name) is what matters, so longer input is cut at
    /// the front. Keeps identification time bounded for hostile input.
    static let maximumInputBytes = 8192
    static let maximumDirectories = 6

    /// Decodes `file://` URLs (with or without a host), other URLs (query and fragment dropped) and bare paths.
    /// Returns nil when there is no file name at all.
    init?(_ raw: String) {
        var bytes = Array(raw.utf8)
        var isURL = false
        var isRemote = false
        if let schemeEnd = Self.schemeEnd(bytes) {
            isURL = true
            let scheme = NameTokenizer.asciiLowercased(bytes[0..<schemeEnd])
            isRemote = scheme != "file"
            var rest = Array(bytes[(schemeEnd + 3)...])
            if let slash = rest.firstIndex(of: UInt8(ascii: "/")) {
                rest = Array(rest[slash...])
            } else if isRemote {
                rest = []
            }
            if isRemote, let cut = rest.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
                rest = Array(rest[..<cut])
            }
            bytes = rest
        }
        if bytes.count > Self.maximumInputBytes {
            bytes = Array(bytes.suffix(Self.maximumInputBytes))
        }
        let separatorIsBackslash = !bytes.contains(UInt8(ascii: "/")) && bytes.contains(UInt8(ascii: "\\"))
        let separator = separatorIsBackslash ? UInt8(ascii: "\\") : UInt8(ascii: "/")
        var components: [String] = []
        for piece in bytes.split(separator: separator, omittingEmptySubsequences: true) {
            let decoded = isURL ? Self.percentDecoded(piece) : Array(piece)
            let text = String(decoding: decoded, as: UTF8.self)
            if !text.isEmpty { components.append(text) }
        }
        guard let last = components.popLast() else { return nil }
        fileName = last
        directories = Array(components.reversed().prefix(Self.maximumDirectories))
        self.isRemote = isRemote
    }

    /// True when a title looks like a path or URL rather than a name (some players put the path there).
    /// A relative path (`Movies/Dark City (1998)/Dark.City.1998.mkv`) counts when it ends in a file name with a
    /// known extension or has several folders, so a title with one slash (`Fate/Zero - 01`) stays a title.
    static func looksLikeLocation(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first else { return false }
        if first == UInt8(ascii: "/") { return true }
        if text.hasPrefix("~/") || isWindowsPath(bytes) { return true }
        if schemeEnd(Array(bytes.prefix(40))) != nil { return true }
        return isRelativePath(text)
    }

    /// `C:\Videos\File.mkv`, `d:/TV/...`: a drive letter, a colon and a separator.
    private static func isWindowsPath(_ bytes: String.UTF8View) -> Bool {
        let head = Array(bytes.prefix(3))
        guard head.count == 3, head[1] == UInt8(ascii: ":") else { return false }
        let letter = head[0] | 0x20
        return letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z")
            && (head[2] == UInt8(ascii: "\\") || head[2] == UInt8(ascii: "/"))
    }

    /// `Folder/File.mkv` or `Show/Season 1/07`: a path relative to wherever the name was listed.
    private static func isRelativePath(_ text: String) -> Bool {
        let slashes = text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
        guard slashes > 0, let last = text.split(separator: "/").last else { return false }
        return slashes > 1 || FileName(String(last)).kind != .unknown
    }

    /// The index of `:` in a leading `scheme://`, if the text starts with one.
    private static func schemeEnd(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count, index < 32 {
            let byte = bytes[index]
            let isSchemeByte =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (index > 0 && (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")))
                || (index > 0 && byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            if !isSchemeByte { break }
            index += 1
        }
        guard index > 1, index + 2 < bytes.count, bytes[index] == UInt8(ascii: ":"),
            bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/")
        else { return nil }
        return index
    }

    /// `%XX` escapes decoded to bytes; malformed escapes are kept as they are.
    private static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
