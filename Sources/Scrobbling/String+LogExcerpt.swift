extension String {
    /// The string quoted and cut to 120 characters, so a player sending huge strings cannot flood the log.
    var logExcerpt: String {
        count > 120 ? "\"\(prefix(120))…\"" : "\"\(self)\""
    }
}
