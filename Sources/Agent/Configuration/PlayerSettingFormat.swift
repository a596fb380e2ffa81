import PlaybackModel
import Scrobbling
import TOMLKit

/// How a per-player setting is written in TOML: how a value is read and checked (a bad one becomes an issue
/// saying what is expected), how a value is written back for the example configuration, and what values are
/// allowed, in words for `config keys` and the README. The range or the choices a setting allows are part of
/// its format.
struct PlayerSettingFormat<Field: Sendable>: Sendable {
    /// Reads `key` at `path` from the table: the value, or nil when it is absent or invalid (then the reader
    /// holds the issue). The last argument is the setting's default, for messages that show an example.
    let read:
        @Sendable (
            _ reader: inout ConfigurationTableReader, _ table: TOMLTable, _ key: String, _ path: [String],
            _ defaultValue: Field
        ) -> Field?
    /// The value as a TOML literal.
    let write: @Sendable (Field) -> String
    /// The values allowed, in words: "true or false", "a number of seconds from 5 to 3600".
    let allowedValues: String
    /// The allowed numbers as a short range, "5–3600", for the README; nil when the value is not a number.
    var range: String? = nil
}

extension PlayerSettingFormat where Field == Bool {
    /// `true` or `false`.
    static var flag: Self {
        Self(
            read: { reader, table, key, path, _ in reader.bool(key, in: table, at: path) },
            write: { $0 ? "true" : "false" },
            allowedValues: ConfigurationTableReader.boolExpected
        )
    }
}

extension PlayerSettingFormat where Field == Duration {
    /// A whole number of milliseconds within `range`.
    static func milliseconds(_ range: ClosedRange<Int>) -> Self {
        let expected = "a whole number of milliseconds from \(range.lowerBound) to \(range.upperBound)"
        return Self(
            read: { reader, table, key, path, _ in
                reader.integer(key, in: table, at: path, range: range, expected: expected).map { .milliseconds($0) }
            },
            write: { String($0.wholeMilliseconds) },
            allowedValues: expected,
            range: range.text
        )
    }

    /// A number of seconds (whole or not) within `range`, kept to the millisecond.
    static func seconds(_ range: ClosedRange<Double>) -> Self {
        let expected = "a number of seconds from \(range.lowerBound.tomlText) to \(range.upperBound.tomlText)"
        return Self(
            read: { reader, table, key, path, _ in
                reader.number(key, in: table, at: path, range: range, expected: expected)
                    .map { .milliseconds(Int64(($0 * 1000).rounded())) }
            },
            write: { $0.seconds.tomlText },
            allowedValues: expected,
            range: range.text
        )
    }
}

extension PlayerSettingFormat where Field == Double {
    /// A fraction of `whole` within `range`; the message shows the default as an example.
    static func fraction(of whole: String, _ range: ClosedRange<Double>) -> Self {
        let allowed = "a fraction of \(whole) from \(range.lowerBound.tomlText) to \(range.upperBound.tomlText)"
        return Self(
            read: { reader, table, key, path, defaultValue in
                let expected = allowed + ", e.g. \(defaultValue.tomlText)"
                return reader.number(key, in: table, at: path, range: range, expected: expected)
            },
            write: { $0.tomlText },
            allowedValues: allowed,
            range: range.text
        )
    }
}

extension PlayerSettingFormat where Field: RawRepresentable & CaseIterable, Field.RawValue == String {
    /// One of the raw values of `Field`, quoted.
    static var choice: Self {
        Self(
            read: { reader, table, key, path, _ in reader.choice(key, in: table, at: path) },
            write: { $0.rawValue.tomlQuoted },
            allowedValues: ConfigurationTableReader.choiceExpected(Field.self)
        )
    }
}

extension PlayerSettingFormat where Field == [IgnorePattern] {
    /// An array of regular expressions, each checked when the file is read.
    static var regularExpressions: Self {
        Self(
            read: { reader, table, key, path, _ in reader.patterns(key, in: table, at: path) },
            write: { "[" + $0.map(\.source.tomlQuoted).joined(separator: ", ") + "]" },
            allowedValues: "an array of regular expressions"
        )
    }
}

extension ClosedRange where Bound: BinaryInteger {
    /// The range as the README writes it: `0–60000`.
    fileprivate var text: String { "\(lowerBound)–\(upperBound)" }
}

extension ClosedRange where Bound == Double {
    /// The range as the README writes it: `0.01–1`.
    fileprivate var text: String { "\(lowerBound.tomlText)–\(upperBound.tomlText)" }
}

extension Double {
    /// The number as TOML and messages write it: `5`, not `5.0`; `0.01`.
    fileprivate var tomlText: String {
        rounded() == self && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}

extension String {
    /// The text as a TOML basic string: quoted, with backslashes and quotes escaped.
    fileprivate var tomlQuoted: String {
        "\"" + replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
