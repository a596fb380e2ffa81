import PlaybackModel
import PunchPlay

/// A login lock that excludes only within this process, for tests whose clients need no lock file; waiters get
/// the lock in the order they asked for it.
public actor InProcessLoginLock: LoginLock {
    private var held = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init() {}

    public func withLock<Value: Sendable>(
        _ body: @Sendable () async -> Value
    ) async throws(PunchPlayError) -> Value {
        if held {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            held = true
        }
        defer { release() }
        return await body()
    }

    /// Hands the lock to the next waiter, or frees it.
    private func release() {
        if waiters.isEmpty {
            held = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
