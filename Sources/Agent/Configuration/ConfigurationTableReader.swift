import Scrobbling
import TOMLKit

/// Reads typed values out of one parsed TOML file, turning every wrong type, out-of-range value and unknown
/// key into a `ConfigurationIssue` that names the file, line, key and value, and collecting them all.
struct ConfigurationTableReader {
    let file: String
    let locator: TOMLKeyLocator
    private(set) var issues: [ConfigurationIssue] = []

    init(file: String, locator: TOMLKeyLocator) {
        self.file = file
        self.locator = locator
    }

    /// Reports each key of `table` that is not in `known`, suggesting the closest known key or the table the
    /// key belongs in.
    mutating func reportUnknownKeys(in table: TOMLTable, at path: [String], known: [String]) {
        for key in table.keys.sorted() where !known.contains(key) {
            var suggestion = KeySuggestion.closest(to: key, among: known).map { TOMLKeyPath.render(path + [$0]) }
            if suggestion == nil, let owner = ConfigurationKeys.table(owning: key) {
                suggestion = TOMLKeyPath.render([owner, key])
            }
            issues.append(
                ConfigurationIssue(
                    file: file,
                    line: locator.line(of: path + [key]),
                    key: TOMLKeyPath.render(path + [key]),
                    problem: .unknownKey(suggestion: suggestion)
                )
            )
        }
    }

    /// The sub-table `key`, reporting any other type.
    mutating func table(_ key: String, in table: TOMLTable, at path: [String], expected: String) -> TOMLTable? {
        guard let value = table[key] else { return nil }
        guard let subtable = value.table else {
            report(value, key: key, at: path, expected: expected)
            return nil
        }
        return subtable
    }

    /// What a boolean key expects, in messages and in `config keys`.
    static let boolExpected = "true or false"

    /// What a key holding one of the raw values of `Choice` expects: `one of "auto", "movie", "episode"`.
    static func choiceExpected<Choice: RawRepresentable & CaseIterable>(_: Choice.Type) -> String
    where Choice.RawValue == String {
        "one of " + Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
    }

    mutating func bool(_ key: String, in table: TOMLTable, at path: [String]) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let bool = value.bool else {
            report(value, key: key, at: path, expected: Self.boolExpected)
            return nil
        }
        return bool
    }

    /// A string that `validate` accepts; `validate` returns the value to use, or `nil` to reject it.
    mutating func string(
        _ key: String,
        in table: TOMLTable,
        at path: [String],
        expected: String,
        validate: (String) -> String? = { $0 }
    ) -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string, let accepted = validate(string) else {
            report(value, key: key, at: path, expected: expected)
            return nil
        }
        return accepted
    }

    /// One of the raw values of `Choice`.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String,
        in table: TOMLTable,
        at path: [String]
    ) -> Choice? where Choice.RawValue == String {
        let names = Choice.allCases.map(\.rawValue)
        return string(key, in: table, at: path, expected: Self.choiceExpected(Choice.self)) {
            names.contains($0) ? $0 : nil
        }
        .flatMap(Choice.init(rawValue:))
    }

    /// A whole number within `range`.
    mutating func integer(
        _ key: String,
        in table: TOMLTable,
        at path: [String],
        range: ClosedRange<Int>,
        expected: String
    ) -> Int? {
        guard let value = table[key] else { return nil }
        guard let integer = value.int, range.contains(integer) else {
            report(value, key: key, at: path, expected: expected)
            return nil
        }
        return integer
    }

    /// A number (integer or floating point) within `range`.
    mutating func number(
        _ key: String,
        in table: TOMLTable,
        at path: [String],
        range: ClosedRange<Double>,
        expected: String
    ) -> Double? {
        guard let value = table[key] else { return nil }
        guard let number = value.double ?? value.int.map(Double.init), range.contains(number) else {
            report(value, key: key, at: path, expected: expected)
            return nil
        }
        return number
    }

    /// An array of regular expressions; every pattern that does not compile is reported with the reason.
    mutating func patterns(_ key: String, in table: TOMLTable, at path: [String]) -> [IgnorePattern]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else {
            report(value, key: key, at: path, expected: "an array of regular expressions, e.g. [\"(?i)trailer\"]")
            return nil
        }
        var patterns: [IgnorePattern] = []
        var allValid = true
        for element in array {
            guard let text = element.string else {
                report(element, key: key, at: path, expected: "a regular expression in quotes")
                allValid = false
                continue
            }
            do {
                patterns.append(try IgnorePattern(text))
            } catch {
                report(element, key: key, at: path, expected: "a valid regular expression (\(error))")
                allValid = false
            }
        }
        return allValid ? patterns : nil
    }

    /// Records an issue found outside the typed readers (syntax errors, unreadable files).
    mutating func appendIssue(_ issue: ConfigurationIssue) {
        issues.append(issue)
    }

    /// Records that `value` at `key` is not what `expected` describes.
    mutating func report(_ value: any TOMLValueConvertible, key: String, at path: [String], expected: String) {
        issues.append(
            ConfigurationIssue(
                file: file,
                line: locator.line(of: path + [key]),
                key: TOMLKeyPath.render(path + [key]),
                value: ConfigurationSecrets.displayValue(value, key: key),
                problem: .invalidValue(expected: expected)
            )
        )
    }
}
