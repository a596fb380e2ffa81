/// Walks the bytes of an `.nfo` and hands out the root element's direct children as (name, attributes, text):
/// the tolerant, bounded tag reader behind ``SidecarInfo``. Every byte is looked at a bounded number of times,
/// nesting is a counter (no stack), and nothing is expanded beyond the predefined entities.
struct SidecarScanner {
    private let bytes: [UInt8]
    private var position = 0
    /// How deep the scanner is: 1 means inside the root element, where the fields are.
    private var depth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The kind named by the first element, skipping the XML declaration and comments; nil for anything else.
    mutating func rootKind() -> SidecarInfo.Kind? {
        guard let tag = nextTag(), !tag.isClosing else { return nil }
        let kind: SidecarInfo.Kind? =
            switch tag.name {
            case "movie": .movie
            case "episodedetails": .episode
            case "tvshow": .show
            default: nil
            }
        guard kind != nil, !tag.isSelfClosing else { return nil }
        depth = 1
        return kind
    }

    /// The next direct child of the root with text content; nil at the end of the root or of the text.
    mutating func nextField() -> (name: String, attributes: ArraySlice<UInt8>, value: String)? {
        while let tag = nextTag() {
            if tag.isClosing {
                depth -= 1
                if depth <= 0 { return nil }
                continue
            }
            if tag.isSelfClosing { continue }
            if depth == 1, let value = textUntilClosing(tag.name) {
                return (tag.name, tag.attributes, value)
            }
            depth += 1
        }
        return nil
    }

    // MARK: Tags

    private struct Tag {
        var name: String
        var attributes: ArraySlice<UInt8>
        var isClosing: Bool
        var isSelfClosing: Bool
    }

    /// The next element tag from the current position, skipping text, comments, CDATA, declarations and
    /// processing instructions.
    private mutating func nextTag() -> Tag? {
        while let open = firstIndex(of: UInt8(ascii: "<"), from: position) {
            if starts(with: "<!--", at: open) {
                position = end(of: "-->", from: open + 4)
            } else if starts(with: "<![CDATA[", at: open) {
                position = end(of: "]]>", from: open + 9)
            } else if starts(with: "<!", at: open) || starts(with: "<?", at: open) {
                position = end(of: ">", from: open + 2)
            } else {
                return readTag(at: open)
            }
        }
        position = bytes.count
        return nil
    }

    private mutating func readTag(at open: Int) -> Tag {
        var index = open + 1
        let isClosing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if isClosing { index += 1 }
        let nameStart = index
        while index < bytes.count, !Self.endsName(bytes[index]) { index += 1 }
        let name = String(decoding: bytes[nameStart..<index].lazy.map(Self.asciiLowercased), as: UTF8.self)
        let attributesStart = index
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
            index += 1
        }
        let isSelfClosing = index > attributesStart && bytes[index - 1] == UInt8(ascii: "/")
        position = min(index + 1, bytes.count)
        return Tag(
            name: name, attributes: bytes[attributesStart..<index], isClosing: isClosing, isSelfClosing: isSelfClosing)
    }

    /// The decoded text up to `</name>`, which is consumed; nil (and nothing consumed) when the element holds
    /// other elements instead, or its text is too long to be a field.
    private mutating func textUntilClosing(_ name: String) -> String? {
        var text: [UInt8] = []
        var index = position
        while index < bytes.count {
            guard let open = firstIndex(of: UInt8(ascii: "<"), from: index) else { return nil }
            text.append(contentsOf: bytes[index..<open])
            if starts(with: "<![CDATA[", at: open) {
                let close = end(of: "]]>", from: open + 9)
                text.append(contentsOf: bytes[(open + 9)..<max(open + 9, close - 3)])
                index = close
            } else if starts(with: "<!--", at: open) {
                index = end(of: "-->", from: open + 4)
            } else if starts(with: "</", at: open) {
                guard text.count <= SidecarInfo.maximumFieldBytes else { return nil }
                let tag = readTag(at: open)
                guard tag.name == name else {
                    depth -= 1
                    return nil
                }
                return Self.decodeEntities(text)
            } else {
                return nil
            }
            if text.count > SidecarInfo.maximumFieldBytes { return nil }
        }
        return nil
    }

    // MARK: Text

    /// The value of `name="..."` among a tag's attributes, lower-cased.
    static func attribute(_ name: String, in attributes: ArraySlice<UInt8>) -> String? {
        let key = Array(name.utf8)
        var index = attributes.startIndex
        while index + key.count < attributes.endIndex {
            let matches = attributes[index..<(index + key.count)].lazy.map(asciiLowercased).elementsEqual(key)
            let isWordStart = index == attributes.startIndex || attributes[index - 1] == UInt8(ascii: " ")
            if matches, isWordStart {
                var cursor = index + key.count
                while cursor < attributes.endIndex, attributes[cursor] == UInt8(ascii: " ") { cursor += 1 }
                guard cursor < attributes.endIndex, attributes[cursor] == UInt8(ascii: "=") else { return nil }
                cursor += 1
                while cursor < attributes.endIndex, attributes[cursor] == UInt8(ascii: " ") { cursor += 1 }
                guard cursor < attributes.endIndex else { return nil }
                let quote = attributes[cursor]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
                let valueStart = cursor + 1
                guard let valueEnd = attributes[valueStart...].firstIndex(of: quote) else { return nil }
                return String(decoding: attributes[valueStart..<valueEnd].lazy.map(asciiLowercased), as: UTF8.self)
            }
            index += 1
        }
        return nil
    }

    /// Replaces `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and `&#NN;`/`&#xNN;`; any other `&` stays as written.
    /// Trims surrounding white space.
    static func decodeEntities(_ text: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if text[index] == UInt8(ascii: "&"), let semicolon = text[index...].prefix(12).firstIndex(of: 59),
                let decoded = entity(text[(index + 1)..<semicolon])
            {
                output.append(contentsOf: decoded)
                index = semicolon + 1
            } else {
                output.append(text[index])
                index += 1
            }
        }
        let isSpace = { (byte: UInt8) in byte == 32 || byte == 9 || byte == 10 || byte == 13 }
        let start = output.firstIndex { !isSpace($0) } ?? output.endIndex
        let end = output.lastIndex { !isSpace($0) }.map { $0 + 1 } ?? start
        return String(decoding: output[start..<max(start, end)], as: UTF8.self)
    }

    private static func entity(_ name: ArraySlice<UInt8>) -> [UInt8]? {
        switch String(decoding: name, as: UTF8.self) {
        case "amp": return [UInt8(ascii: "&")]
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        case let reference where reference.hasPrefix("#"):
            let isHex = reference.hasPrefix("#x") || reference.hasPrefix("#X")
            guard let value = UInt32(reference.dropFirst(isHex ? 2 : 1), radix: isHex ? 16 : 10),
                let scalar = Unicode.Scalar(value), value != 0
            else { return nil }
            return Array(String(Character(scalar)).utf8)
        default: return nil
        }
    }

    // MARK: Bytes

    private func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes[start...].firstIndex(of: byte)
    }

    private func starts(with literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { bytes[index..<(index + count)].elementsEqual($0) }
    }

    /// The position just after the next `terminator` from `start`, or the end of the text.
    private func end(of terminator: StaticString, from start: Int) -> Int {
        let count = terminator.utf8CodeUnitCount
        let first = terminator.withUTF8Buffer { $0[0] }
        var index = start
        while let candidate = firstIndex(of: first, from: index) {
            if starts(with: terminator, at: candidate) { return candidate + count }
            index = candidate + 1
        }
        return bytes.count
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == 32 || byte == 9 || byte == 10 || byte == 13
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
