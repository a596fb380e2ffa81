import DBus

/// What the watcher hands to one player's session, in the order it happened on the bus.
enum PlayerSessionInput: Sendable {
    /// The name got the owner `uniqueName` (found at start-up, appeared, or taken over by a new connection).
    case owned(by: String)
    /// The name lost its owner.
    case released
    /// A `PropertiesChanged` for the Player interface: changed values and the names of invalidated ones.
    case propertiesChanged([String: DBusValue], invalidated: [String])
    /// A `PropertiesChanged` whose body could not be decoded: re-read the state instead of guessing.
    case undecodableChange
    /// A `Seeked` with its raw argument.
    case seeked(DBusValue?)
}
