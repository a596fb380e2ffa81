import DBus
import MPRIS
import PlaybackModel

extension FakePlayer {
    /// Misbehaves like a player stuck in a loop: `count` `PlaybackStatus` changes alternating between
    /// `Paused` and `Playing`, each its own `PropertiesChanged`, sent back to back without waiting for the bus,
    /// then settles on `last`. Returns once the bus has passed every signal on.
    public func flood(count: Int, endingWith last: PlaybackStatus) async throws {
        for index in 0..<count {
            let status: PlaybackStatus = index.isMultiple(of: 2) ? .paused : .playing
            try await connection.setProperties(
                ["PlaybackStatus": .string(status.rawValue)], interface: Self.playerInterface, path: Self.path,
                emitsChanged: true
            )
        }
        try await setStatus(last)
    }
}
