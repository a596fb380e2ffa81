/// Why the outbox could not do what it was asked, in words a user can act on.
public enum OutboxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database could not be opened or created even after moving a corrupt file aside.
    case unusableDatabase(path: String, reason: String)
    /// A read or write failed (disk full, permissions, ...).
    case storage(String)
    /// The event breaks the contract: an `event_created_at` not after the session's previous one.
    case outOfOrder(eventID: String, sessionID: String)
    /// The event could not be encoded for storage.
    case unencodable(eventID: String, reason: String)

    public var description: String {
        switch self {
        case .unusableDatabase(let path, let reason):
            "The outbox database \(path) cannot be used: \(reason). Check the directory's permissions and free space."
        case .storage(let reason):
            "The outbox database failed: \(reason)"
        case .outOfOrder(let eventID, let sessionID):
            "Event \(eventID) of session \(sessionID) is not later than the session's previous event; not queued."
        case .unencodable(let eventID, let reason):
            "Event \(eventID) cannot be stored: \(reason)"
        }
    }
}
