/// What is said about one per-player setting, as text: the facts `config keys` prints and the README's table
/// shows, taken from the setting's row so that neither is written by hand.
struct PlayerSettingDescription: Sendable, Equatable {
    let key: String
    /// The default as TOML writes it (`1500`, `"auto"`, `[]`), or nil when the built-in choice differs per
    /// player.
    let defaultValue: String?
    /// The values allowed, in words: "a number of seconds from 5 to 3600".
    let allowedValues: String
    /// The allowed numbers as a short range, "5–3600"; nil when the value is not a number.
    let range: String?
    /// What the setting does; code and literal values are marked with backticks.
    let documentation: String

    /// How a default that differs per player is shown.
    static let perPlayer = "per player"

    /// The documentation without its backticks, for a terminal (where the allowed values have their column).
    var plainDocumentation: String {
        documentation.withoutCodeMarks
    }

    /// The documentation with the range folded into its last sentence, "... while playing (5–3600).", for the
    /// README's meaning column.
    var documentationWithRange: String {
        guard let range else { return documentation }
        let sentence = documentation.hasSuffix(".") ? String(documentation.dropLast()) : documentation
        return "\(sentence) (\(range))."
    }

    /// The documentation with its range and without backticks, for a TOML comment.
    var plainDocumentationWithRange: String {
        documentationWithRange.withoutCodeMarks
    }
}

extension String {
    /// The text without the backticks that mark code in Markdown.
    fileprivate var withoutCodeMarks: String {
        filter { $0 != "`" }
    }
}
