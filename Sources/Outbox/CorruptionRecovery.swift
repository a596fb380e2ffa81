/// What happened when the outbox found its database file unreadable: the file was moved aside (kept for
/// inspection, never deleted) and a fresh, empty outbox started. The agent logs `message` once.
public struct CorruptionRecovery: Sendable, Hashable {
    public var originalPath: String
    public var movedTo: String
    public var reason: String

    public var message: String {
        "The outbox database \(originalPath) was unreadable (\(reason)); it was moved to \(movedTo) and a new, "
            + "empty outbox was started. Events queued in the old file were not sent."
    }
}
