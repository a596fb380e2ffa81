import PlaybackModel

/// Mutual exclusion for "read the stored login, refresh it, save it" across every process that shares the
/// login (the agent and the commands): with rotating refresh tokens, two refreshes from the same pair revoke the
/// whole login (§3). The agent and the commands use a file lock in the state directory; tests may use one that
/// only works inside the process.
public protocol LoginLock: Sendable {
    /// Runs `body` while holding the lock and releases it when `body` ends, however it ends.
    /// - Throws: a transient `PunchPlayError` when the lock cannot be taken (or the wait was cancelled);
    ///   `body` has not run then.
    func withLock<Result: Sendable>(_ body: @Sendable () async -> Result) async throws(PunchPlayError) -> Result
}
