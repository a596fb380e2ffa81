/// One `ignore_titles` / `ignore_urls` entry: a regular expression, checked when the configuration is loaded so
/// that a bad pattern is reported with its file and line instead of failing later.
///
/// Patterns use Swift `Regex` syntax (Perl-like) and match anywhere in the text; prefix `(?i)` for
/// case-insensitive matching. `Regex` values are not `Sendable`, so the checked pattern text is kept and
/// compiled again where it is matched (a handful of patterns per track change).
public struct IgnorePattern: Sendable, Equatable, CustomStringConvertible {
    /// The pattern as written in the configuration.
    public let pattern: String

    /// Checks that `pattern` compiles; throws the compiler's description of what is wrong with it.
    public init(_ pattern: String) throws {
        _ = try Regex(pattern)
        self.pattern = pattern
    }

    /// True when the pattern matches somewhere in `text`.
    public func matches(_ text: String) -> Bool {
        guard let regex = try? Regex(pattern) else { return false }
        return (try? regex.firstMatch(in: text)) != nil
    }

    public var description: String { pattern }
}
