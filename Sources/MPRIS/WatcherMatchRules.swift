import DBus

/// The two subscriptions the watcher needs, as match rules for the bus.
enum WatcherMatchRules {
    /// Players appearing, vanishing and changing owner: `NameOwnerChanged` for names in the MPRIS namespace.
    static let nameOwnerChanged = MatchRule(
        sender: "org.freedesktop.DBus",
        interface: "org.freedesktop.DBus",
        member: "NameOwnerChanged",
        path: "/org/freedesktop/DBus",
        arg0Namespace: MPRISBusName.namespace
    )

    /// Every signal from any player's MPRIS object (`PropertiesChanged` and `Seeked` among them), in one
    /// subscription so that one player's changes and seeks keep the order they were sent in.
    static let playerSignals = MatchRule(path: MPRISPaths.objectPath)
}
