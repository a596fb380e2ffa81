import Synchronization

/// A clock whose sleeps return at once after moving its time forward, recording each sleep, and calling
/// `onSleep` (to move a server's clock along) — polling and back-off run in virtual time.
public final class VirtualClock: Clock, Sendable {
    /// A moment: how far the clock has moved since it was made.
    public struct Instant: InstantProtocol {
        public var offset: Duration

        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let state = Mutex<(now: Instant, sleeps: [Duration])>((Instant(offset: .zero), []))
    private let onSleep: @Sendable (Duration) async -> Void

    public init(onSleep: @escaping @Sendable (Duration) async -> Void = { _ in }) {
        self.onSleep = onSleep
    }

    public var now: Instant { state.withLock { $0.now } }
    public var minimumResolution: Duration { .zero }

    /// Every sleep so far, in order.
    public var sleeps: [Duration] { state.withLock { $0.sleeps } }

    public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        let slept = state.withLock { state -> Duration in
            let duration = max(.zero, state.now.duration(to: deadline))
            state.now = state.now.advanced(by: duration)
            state.sleeps.append(duration)
            return duration
        }
        await onSleep(slept)
        await Task.yield()
    }
}
