import PlaybackModel

/// The playback write budget the outbox keeps to by pacing itself (a token bucket) instead of learning it
/// from 429s. The defaults allow at most `burst + writesPerWindow` = 110 writes in any 5 minutes, under the
/// service's budget of about 120.
public struct PacingPolicy: Sendable, Hashable {
    /// Writes that may go out back to back after a quiet period.
    public var burst: Int
    /// Sustained writes per `window`.
    public var writesPerWindow: Int
    public var window: Duration

    public init(burst: Int = 10, writesPerWindow: Int = 100, window: Duration = .seconds(300)) {
        self.burst = max(burst, 1)
        self.writesPerWindow = max(writesPerWindow, 1)
        self.window = max(window, .milliseconds(1))
    }

    var tokensPerMillisecond: Double {
        Double(writesPerWindow) / Double(window.wholeMilliseconds)
    }
}
