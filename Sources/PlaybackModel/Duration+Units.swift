extension Duration {
    /// The duration as fractional seconds, for ratios and output.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }

    /// Whole seconds for the wire and the log, bounded so that an absurd value from a player cannot trap the
    /// conversion (negative durations give 0).
    public var wholeSeconds: Int {
        Int(min(max(seconds, 0), Double(Int32.max)))
    }

    /// The duration in whole milliseconds, rounded towards zero.
    public var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }

    /// The duration in whole microseconds (MPRIS positions and lengths), rounded towards zero.
    public var wholeMicroseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }

    /// The duration in whole nanoseconds, rounded towards zero (SwiftNIO's `TimeAmount`).
    public var wholeNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
