/// Which connection owns which player name. Signals carry the sender's unique name (`:1.42`) while players
/// are known by their well-known names, and a connection can drop a name and take it back (or another
/// connection can take it over), so the observer keeps both directions here, as a plain value.
public struct PlayerNameMap: Sendable, Hashable {
    /// What a `NameOwnerChanged` meant for a player name.
    public enum OwnerChange: Sendable, Hashable {
        /// Nothing changed (the same owner was reported again, or an unknown name was released).
        case unchanged
        /// The name had no owner and now has one.
        case appeared
        /// The name lost its owner.
        case vanished(previousOwner: String)
        /// Another connection took the name over without a gap.
        case replaced(previousOwner: String)
    }

    private var ownerByBusName: [MPRISBusName: String] = [:]
    private var busNamesByOwner: [String: Set<MPRISBusName>] = [:]

    public init() {}

    /// Every player name that currently has an owner, sorted so output is stable.
    public var busNames: [MPRISBusName] {
        ownerByBusName.keys.sorted { $0.rawValue < $1.rawValue }
    }

    /// The unique name of the connection that owns `busName`, if any.
    public func owner(of busName: MPRISBusName) -> String? {
        ownerByBusName[busName]
    }

    /// The player names owned by the connection `uniqueName`, sorted so output is stable.
    public func busNames(ownedBy uniqueName: String) -> [MPRISBusName] {
        (busNamesByOwner[uniqueName] ?? []).sorted { $0.rawValue < $1.rawValue }
    }

    /// Records that `busName` is now owned by `newOwner` (nil or empty: by nobody) and says what that means.
    @discardableResult
    public mutating func setOwner(_ newOwner: String?, of busName: MPRISBusName) -> OwnerChange {
        let newOwner = newOwner.flatMap { $0.isEmpty ? nil : $0 }
        let previousOwner = ownerByBusName[busName]
        guard previousOwner != newOwner else { return .unchanged }
        if let previousOwner {
            busNamesByOwner[previousOwner]?.remove(busName)
            if busNamesByOwner[previousOwner]?.isEmpty == true { busNamesByOwner[previousOwner] = nil }
        }
        ownerByBusName[busName] = newOwner
        if let newOwner { busNamesByOwner[newOwner, default: []].insert(busName) }
        switch (previousOwner, newOwner) {
        case (nil, _): return .appeared
        case (let previous?, nil): return .vanished(previousOwner: previous)
        case (let previous?, _?): return .replaced(previousOwner: previous)
        }
    }
}
