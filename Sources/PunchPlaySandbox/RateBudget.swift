import Foundation

/// How many requests one caller may make in a sliding window before the sandbox answers 429 with `Retry-After`.
public struct RateBudget: Codable, Sendable, Equatable {
    /// Requests allowed within `window`.
    public var limit: Int
    /// The window length in seconds.
    public var window: TimeInterval

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }
}
