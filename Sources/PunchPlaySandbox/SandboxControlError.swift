/// A control request the sandbox cannot carry out (an unknown `client_id`, an unknown user code).
public struct SandboxControlError: Error, CustomStringConvertible, Equatable {
    /// What went wrong, in words a test failure can show.
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
