import Scrobbling
import TOMLKit

/// One per-player setting, declared once as a row of `PlayerSettings`: its TOML key, one line of
/// documentation, how it is written and checked, how the example configuration shows it, and the
/// `PlayerPolicy` field it sets (whose default, in `PlayerPolicy()`, is the setting's default). The parser,
/// the validation messages, the key suggestions, the layering, the example, `config keys` and the README's
/// table all derive from the rows.
struct PlayerSetting<Field: Sendable & Equatable>: Sendable {
    /// How the example configuration shows the setting.
    enum Example: Sendable {
        /// `key = default`.
        case defaultValue
        /// `key = value`: a useful value other than the default.
        case value(Field)
        /// `# key = default`: the key is best left unset (its built-in choice differs per player).
        case commentedOut
    }

    /// The key in `[defaults]`, `[players.NAME]` and `players.d/NAME.toml`.
    let key: String
    /// What the setting does, in a sentence or two, for the example configuration, `config keys` and the
    /// README; code and literal values are marked with backticks (kept in Markdown, dropped elsewhere).
    let documentation: String
    let format: PlayerSettingFormat<Field>
    /// Where the value lands in the scrobbling core's policy.
    let field: WritableKeyPath<PlayerPolicy, Field> & Sendable
    let example: Example

    init(
        _ key: String,
        _ documentation: String,
        format: PlayerSettingFormat<Field>,
        field: WritableKeyPath<PlayerPolicy, Field> & Sendable,
        example: Example = .defaultValue
    ) {
        self.key = key
        self.documentation = documentation
        self.format = format
        self.field = field
        self.example = example
    }

    /// The built-in default: the field's value in `PlayerPolicy()`.
    var defaultValue: Field {
        PlayerPolicy()[keyPath: field]
    }
}

/// A `PlayerSetting` of any value type, so that the table can be walked as one list.
protocol AnyPlayerSetting: Sendable {
    var key: String { get }

    /// Reads the setting from `table`, reporting a bad value to `reader`; a valid value is set in `overrides`.
    func read(
        from table: TOMLTable,
        at path: [String],
        with reader: inout ConfigurationTableReader,
        into overrides: inout PlayerOverrides
    )

    /// Copies the setting's field from `source` into `target`.
    func copy(from source: PlayerPolicy, to target: inout PlayerPolicy)

    /// The setting's lines in the example configuration: its documentation, then the key and a value.
    var exampleLines: [String] { get }

    /// What `config keys` and the README say about the setting.
    var textDescription: PlayerSettingDescription { get }
}

extension PlayerSetting: AnyPlayerSetting {
    func read(
        from table: TOMLTable,
        at path: [String],
        with reader: inout ConfigurationTableReader,
        into overrides: inout PlayerOverrides
    ) {
        guard let value = format.read(&reader, table, key, path, defaultValue) else { return }
        overrides.set(self, to: value)
    }

    func copy(from source: PlayerPolicy, to target: inout PlayerPolicy) {
        target[keyPath: field] = source[keyPath: field]
    }

    var exampleLines: [String] {
        let line: String
        switch example {
        case .defaultValue: line = "\(key) = \(format.write(defaultValue))"
        case .value(let value): line = "\(key) = \(format.write(value))"
        case .commentedOut: line = "# \(key) = \(format.write(defaultValue))"
        }
        return ["# " + textDescription.plainDocumentationWithRange, line]
    }

    var textDescription: PlayerSettingDescription {
        let defaultText: String?
        switch example {
        case .defaultValue, .value: defaultText = format.write(defaultValue)
        case .commentedOut: defaultText = nil
        }
        return PlayerSettingDescription(
            key: key,
            defaultValue: defaultText,
            allowedValues: format.allowedValues,
            range: format.range,
            documentation: documentation
        )
    }
}
