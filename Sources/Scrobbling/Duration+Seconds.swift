extension Duration {
    /// The duration as fractional seconds, for ratios and the wire's integer seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    /// A duration from fractional seconds (players send lengths and positions as numbers).
    static func fromSeconds(_ seconds: Double) -> Duration {
        .nanoseconds(Int64((seconds * 1e9).rounded()))
    }
}
