/// When a connection reads its socket. Normally at once, as soon as the socket is readable: a signal reaches its
/// subscribers within the wake-up. While a sender floods the bus (a broken player announcing thousands of
/// `PropertiesChanged` a second), one wake-up a message would cost more than the messages themselves, so after
/// each read that emptied the socket the connection waits `pause` before reading again and then takes everything
/// that arrived meanwhile in one go: fifty reads a second instead of ten thousand wake-ups, the messages still in
/// order and all of them delivered. Every read costs the agent a pass of what it read through every stage behind
/// the connection (about 0.2 ms), and 20 ms is far below anything a user sees while a player misbehaves.
///
/// A flood is `floodMessages` messages within the last `window` (at the defaults, 1,600 a second); it ends when
/// the rate falls below that. No player sends at that rate in normal use: a track change is a handful of
/// messages. A value type driven by the caller's clock (nanoseconds), so its decisions are tested without
/// waiting.
struct ReadPacing {
    static let window: UInt64 = 100_000_000
    static let floodMessages = 160
    static let pause: UInt64 = 20_000_000

    /// The reads within the last `window`, oldest first.
    private var recentReads: [(time: UInt64, messages: Int)] = []
    private var messagesInWindow = 0

    /// Whether the messages of the last `window` make a flood.
    var isFlooded: Bool { messagesInWindow >= Self.floodMessages }

    /// Records a read at `now` that delivered `messages` messages; returns how long to wait before the next read
    /// (nil: read as soon as the socket is readable). A read that left the socket holding more (it stopped at its
    /// share) never pauses: a sender faster than the paced reads would otherwise pile its messages up in the bus.
    mutating func pauseAfterRead(at now: UInt64, messages: Int, emptiedSocket: Bool = true) -> UInt64? {
        recentReads.append((now, messages))
        messagesInWindow += messages
        while let oldest = recentReads.first, now &- oldest.time > Self.window {
            messagesInWindow -= oldest.messages
            recentReads.removeFirst()
        }
        return isFlooded && emptiedSocket ? Self.pause : nil
    }
}
