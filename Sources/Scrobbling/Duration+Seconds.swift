extension Duration {
    /// The duration as fractional seconds, for ratios and the wire's integer seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
