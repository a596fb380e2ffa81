/// Every problem found while loading the configuration, collected rather than stopping at the first one, so a
/// user can fix a file in one pass.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, ordered by file and line.
    public var issues: [ConfigurationIssue]

    public init(issues: [ConfigurationIssue]) {
        self.issues = issues
    }

    /// One problem per line.
    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
