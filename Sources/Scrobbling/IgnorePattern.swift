/// A user's regular expression for titles or URLs that must never be reported (e.g. `(?i)trailer`),
/// checked when the configuration is read so that a broken pattern is rejected then, not while playing.
public struct IgnorePattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as the user wrote it. Only the source is stored because `Regex` is not `Sendable`;
    /// it is compiled again for each check, which happens once per new item.
    public let source: String

    /// Validates `source`; throws a message naming the pattern when it is not a valid regular expression.
    public init(_ source: String) throws(PolicyError) {
        do {
            _ = try Regex(source)
        } catch {
            throw PolicyError("invalid ignore pattern \"\(source)\": \(error)")
        }
        self.source = source
    }

    /// True when the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        guard let regex = try? Regex(source) else { return false }
        return text.contains(regex)
    }

    public var description: String { source }
}
