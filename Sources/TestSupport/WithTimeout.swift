/// Thrown by ``withTimeout(_:_:)`` when the body does not finish in time.
public struct TimedOut: Error, CustomStringConvertible {
    public let limit: Duration
    public var description: String { "the operation did not finish within \(limit)" }
}

/// Runs `body`, failing with ``TimedOut`` if it has not finished within `limit` of real time, so a test waiting
/// for an event that never comes fails instead of hanging; the body is cancelled then. The limit is a safety
/// net for a broken test, never the thing being waited for, so it is generous.
public func withTimeout<Result: Sendable>(
    _ limit: Duration = .seconds(20),
    _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Result.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw TimedOut(limit: limit)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}
