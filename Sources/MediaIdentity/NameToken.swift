/// One word of a release name, with the punctuation around it that the parser needs.
struct NameToken: Sendable, Equatable {
    /// The text as written.
    var text: String
    /// ASCII-lowercased `text`, for vocabulary look-ups.
    var lower: String
    /// The outermost bracket the token sits in: `[`, `(`, `{`, or 0 outside brackets.
    var bracket: UInt8
    /// Which bracket group the token belongs to (each top-level group gets a new number), or -1.
    var bracketGroup: Int
    /// The token follows a free-standing dash (`Show - 07`).
    var afterDash: Bool
    /// The token was followed by `. ` (an abbreviation such as `Mr. Robot`), so the dot belongs to the title.
    var keepsDot: Bool

    var isBracketed: Bool { bracket != 0 }
}
