/// A per-player setting that cannot be used, with a sentence saying which one and why.
public struct PolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
