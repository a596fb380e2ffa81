/// Finds the line on which a key or table is written in a TOML text.
///
/// TOMLKit reports positions only for syntax errors, not for values, so value errors locate their key here
/// with a small line scanner that understands table headers, dotted and quoted keys, comments and multi-line
/// strings. A key it cannot place (inside an inline table) gets the line of its closest enclosing key.
struct TOMLKeyLocator {
    private var lines: [[String]: Int] = [:]
    /// The first line with a table header that does not start with a key name (`[[[a]]]`, `[ ,]`, a lone
    /// `[`): invalid TOML on which TOMLKit's parser (toml++ 3) fails an assertion and aborts the process, so
    /// such a text must never reach it.
    private(set) var parserAbortingLine: Int?

    init(text: String) {
        var table: [String] = []
        var openMultilineDelimiter: String?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            if let delimiter = openMultilineDelimiter {
                if line.contains(delimiter) { openMultilineDelimiter = nil }
                continue
            }
            var rest = line.drop { $0 == " " || $0 == "\t" }
            if rest.hasPrefix("[") {
                let isArrayHeader = rest.hasPrefix("[[")
                rest = rest.dropFirst(isArrayHeader ? 2 : 1)
                if !Self.startsWithKeyOrEnd(rest.drop { $0 == " " || $0 == "\t" }) {
                    parserAbortingLine = parserAbortingLine ?? lineNumber
                }
                if let (path, _) = Self.parseKey(rest) {
                    table = path
                    record(path, line: lineNumber)
                }
                continue
            }
            guard let (key, afterKey) = Self.parseKey(rest), afterKey.first == "=" else { continue }
            record(table + key, line: lineNumber)
            openMultilineDelimiter = Self.openedMultilineString(in: afterKey.dropFirst())
        }
    }

    /// The line of `path`, or of its closest ancestor that is written in the text.
    func line(of path: [String]) -> Int? {
        var candidate = path
        while !candidate.isEmpty {
            if let line = lines[candidate] { return line }
            candidate.removeLast()
        }
        return nil
    }

    private mutating func record(_ path: [String], line: Int) {
        guard !path.isEmpty else { return }
        for length in 1...path.count {
            let prefix = Array(path.prefix(length))
            if lines[prefix] == nil { lines[prefix] = line }
        }
    }

    /// True when a table header's content starts like a key (bare ASCII or quoted) or is empty (`[]`).
    private static func startsWithKeyOrEnd(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first == "]" || first == "\"" || first == "'" || first == "_" || first == "-"
            || ("a"..."z").contains(first) || ("A"..."Z").contains(first) || ("0"..."9").contains(first)
    }

    /// Parses a dotted key (`a."b c".d`) at the start of `text`; returns its parts and the text after it
    /// with leading blanks removed.
    private static func parseKey(_ text: Substring) -> ([String], Substring)? {
        var parts: [String] = []
        var rest = text
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let (part, afterPart) = parseKeyPart(rest) else { return nil }
            parts.append(part)
            rest = afterPart.drop { $0 == " " || $0 == "\t" }
            guard rest.first == "." else { return (parts, rest) }
            rest = rest.dropFirst()
        }
    }

    private static func parseKeyPart(_ text: Substring) -> (String, Substring)? {
        guard let first = text.first else { return nil }
        if first == "\"" || first == "'" {
            var value = ""
            var index = text.index(after: text.startIndex)
            while index < text.endIndex {
                let character = text[index]
                if character == first { return (value, text[text.index(after: index)...]) }
                if character == "\\" && first == "\"" {
                    index = text.index(after: index)
                    guard index < text.endIndex else { return nil }
                }
                value.append(text[index])
                index = text.index(after: index)
            }
            return nil
        }
        let bare = text.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        guard !bare.isEmpty else { return nil }
        return (String(bare), text[bare.endIndex...])
    }

    /// The delimiter of a multi-line string that starts in `value` and does not end on the same line.
    private static func openedMultilineString(in value: Substring) -> String? {
        let trimmed = value.drop { $0 == " " || $0 == "\t" }
        for delimiter in ["\"\"\"", "'''"] where trimmed.hasPrefix(delimiter) {
            return trimmed.dropFirst(3).contains(delimiter) ? nil : delimiter
        }
        return nil
    }
}
