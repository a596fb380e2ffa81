/// Why `punchplay-mpris run` cannot start, as a sentence that says what to do about it.
public struct RuntimeError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
