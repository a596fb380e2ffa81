/// One line of `punchplay-mpris doctor`: what was checked, what was found, and — when it failed — what to do.
public struct DoctorCheck: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case passed
        /// Works, but something deserves attention.
        case warning(fix: String)
        case failed(fix: String)
    }

    public var name: String
    public var finding: String
    public var outcome: Outcome

    public init(_ name: String, _ finding: String, _ outcome: Outcome = .passed) {
        self.name = name
        self.finding = finding
        self.outcome = outcome
    }

    public var isFailure: Bool {
        if case .failed = outcome { return true }
        return false
    }

    /// The check as printed: a mark, the name and finding, and the fix indented below.
    public var text: String {
        switch outcome {
        case .passed: "ok    \(name): \(finding)"
        case .warning(let fix): "warn  \(name): \(finding)\n      fix: \(fix)"
        case .failed(let fix): "FAIL  \(name): \(finding)\n      fix: \(fix)"
        }
    }
}
