import PlaybackModel

/// One player and its full state at one moment, as `PlayerDirectory` lists them.
public struct PlayerSnapshot: Sendable, Hashable {
    public var info: PlayerInfo
    /// Every property, `position` read fresh when the player answered.
    public var properties: PlayerProperties

    public init(info: PlayerInfo, properties: PlayerProperties) {
        self.info = info
        self.properties = properties
    }
}
