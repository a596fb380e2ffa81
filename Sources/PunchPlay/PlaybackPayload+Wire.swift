import PlaybackModel

extension PlaybackPayload {
    /// The payload as it goes on the wire: fractions clamped to 0...1 (a NaN fraction is left out), so a
    /// player reporting a position past the end never produces a body the service rejects.
    var clampedForWire: PlaybackPayload {
        var copy = self
        copy.progress = progress.flatMap(Self.clampedFraction)
        copy.watchedThreshold = watchedThreshold.flatMap(Self.clampedFraction)
        return copy
    }

    private static func clampedFraction(_ value: Double) -> Double? {
        value.isNaN ? nil : min(max(value, 0), 1)
    }
}
