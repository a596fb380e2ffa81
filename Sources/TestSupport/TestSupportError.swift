/// A fixture failed (a tool exited with an error, a player did not answer, an expected observation did not
/// come in time); the message says what and is meant for the test log.
public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
