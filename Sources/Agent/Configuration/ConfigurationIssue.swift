/// One problem found in a configuration file, with everything a user needs to fix it: the file, the line,
/// the key, the bad value and what is expected instead.
public struct ConfigurationIssue: Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is; the associated text completes the message.
    public enum Problem: Sendable, Equatable {
        /// The file is not valid TOML; the text is the parser's description.
        case syntax(String)
        /// A known key has a value of the wrong type or out of range; the text says what is expected.
        case invalidValue(expected: String)
        /// A key or table the agent does not know, with the closest known name when there is one.
        case unknownKey(suggestion: String?)
        /// The file could not be read (missing, unreadable, too large, not UTF-8); the text says why.
        case unreadable(String)
    }

    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, for syntax errors.
    public var column: Int?
    /// The dotted key as it would be written in the file (`players.mpv.settle_ms`).
    public var key: String?
    /// The value as written in the file; secrets are replaced by `<redacted>`.
    public var value: String?
    public var problem: Problem

    public init(
        file: String,
        line: Int? = nil,
        column: Int? = nil,
        key: String? = nil,
        value: String? = nil,
        problem: Problem
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.value = value
        self.problem = problem
    }

    /// `file:line[:column]: message`, the format editors and terminals turn into links.
    public var description: String {
        var position = file
        if let line {
            position += ":\(line)"
            if let column { position += ":\(column)" }
        }
        return position + ": " + message
    }

    private var message: String {
        switch problem {
        case .syntax(let text):
            return "TOML syntax error: \(text)"
        case .invalidValue(let expected):
            return "\(key ?? "value") = \(value ?? "?"): expected \(expected)"
        case .unknownKey(let suggestion):
            let known = "unknown key '\(key ?? "?")'"
            guard let suggestion else { return known + " (it would be ignored)" }
            return known + "; did you mean '\(suggestion)'?"
        case .unreadable(let reason):
            return reason
        }
    }
}
