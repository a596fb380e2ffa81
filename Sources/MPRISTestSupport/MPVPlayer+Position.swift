import TestSupport

extension MPVPlayer {
    /// mpv's playhead (`time-pos`), read through its IPC socket.
    public func position() async throws -> Duration {
        .milliseconds(Int64((try await ipc.number("time-pos") * 1000).rounded()))
    }

    /// Reads `time-pos` every 50 ms until it reaches `position`. mpv signals nothing on the bus while playback
    /// advances, so its own playhead is the only observable for "mpv has played this far".
    ///
    /// - Throws: `TestSupportError` when it has not got there within `timeout`.
    public func waitUntilPosition(atLeast position: Duration, timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        while try await self.position() < position {
            guard ContinuousClock.now < deadline else {
                throw TestSupportError("mpv did not reach \(position) within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// True while mpv is running with no file loaded (`--idle` after the playlist ended or `stop`).
    public func isIdle() async throws -> Bool {
        try await ipc.command(["get_property", "idle-active"]) == "true"
    }
}
