/// The one rule a `client_id` must follow, wherever it comes from (the configuration or the binary): a
/// non-empty string without white space.
enum ClientIDValidation {
    /// What the configuration's error message says a `client_id` must be.
    static let expected = "the client_id of your PunchPlay app: a non-empty string without spaces"

    /// `text` when it is a usable `client_id`, else nil.
    static func validated(_ text: String) -> String? {
        text.isEmpty || text.contains(where: \.isWhitespace) ? nil : text
    }
}
