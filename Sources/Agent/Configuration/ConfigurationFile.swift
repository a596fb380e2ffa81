/// One file the configuration is read from, as `config path` lists it.
public struct ConfigurationFile: Sendable, Equatable {
    /// `config.toml`, or a per-player file in `players.d/`.
    public enum Role: String, Sendable, Equatable {
        case main
        case player
    }

    public var path: String
    public var role: Role
    public var exists: Bool

    public init(path: String, role: Role, exists: Bool) {
        self.path = path
        self.role = role
        self.exists = exists
    }
}
