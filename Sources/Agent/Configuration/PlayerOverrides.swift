import Scrobbling

/// The per-player settings one layer sets (`[defaults]`, `[players.NAME]` or `players.d/NAME.toml`), or
/// several layers merged; a setting no layer sets is left to the policy it is applied to, so layers merge
/// key by key and an unset `enabled` keeps the built-in per-player choice.
public struct PlayerOverrides: Sendable, Equatable {
    /// The set values; the fields of settings not in `keys` keep `PlayerPolicy()`'s defaults and are ignored.
    private var values = PlayerPolicy()
    /// The keys (`settle_ms`, ...) this layer sets.
    private(set) var keys: Set<String> = []

    public init() {}

    /// The value this layer sets for `setting`, or nil.
    subscript<Field>(setting: PlayerSetting<Field>) -> Field? {
        keys.contains(setting.key) ? values[keyPath: setting.field] : nil
    }

    /// Sets `setting` to `value` in this layer.
    mutating func set<Field>(_ setting: PlayerSetting<Field>, to value: Field) {
        values[keyPath: setting.field] = value
        keys.insert(setting.key)
    }

    /// These overrides with every key that `other` sets replaced by `other`'s value.
    public func overlaid(with other: PlayerOverrides) -> PlayerOverrides {
        var merged = other
        merged.values = other.applied(to: values)
        merged.keys.formUnion(keys)
        return merged
    }

    /// `policy` with every setting this layer sets replaced.
    public func applied(to policy: PlayerPolicy) -> PlayerPolicy {
        var result = policy
        for setting in PlayerSettings.all where keys.contains(setting.key) {
            setting.copy(from: values, to: &result)
        }
        return result
    }
}
