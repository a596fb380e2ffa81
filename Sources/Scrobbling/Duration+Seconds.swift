extension Duration {
    /// The duration as fractional seconds, for ratios and the wire's integer seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    /// Whole seconds for the wire and the log, bounded so that an absurd value from a player cannot trap
    /// the conversion.
    var wholeSeconds: Int {
        Int(min(max(seconds, 0), Double(Int32.max)))
    }
}
