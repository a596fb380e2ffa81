import BusTestSupport
import PunchPlaySandbox
import TestSupport

/// What the agent benchmarks run in: a private `dbus-daemon` as the session bus and the sandbox service in this
/// process with its rate limits off (the agent's own pacing is what is measured, not the service's budget).
/// Both are stopped when the body returns or throws.
struct BenchWorld {
    let bus: PrivateBus
    let sandbox: PunchPlaySandbox
    /// Every API request from the start, as it arrives (before it is answered), with its arrival time.
    let arrivals: StreamRecorder<RecordedRequest>

    /// Where the agent sends playback events.
    static let playbackPath = "/api/platform/v1/playback/"

    /// Runs `body` with a fresh bus and sandbox.
    static func with<Result: Sendable>(_ body: (BenchWorld) async throws -> Result) async throws -> Result {
        var configuration = SandboxConfiguration()
        configuration.rateLimits = .disabled
        return try await PrivateBus.with { bus in
            try await PunchPlaySandbox.withRunning(configuration: configuration) { sandbox in
                let arrivals = StreamRecorder(await sandbox.receivedRequests())
                return try await body(BenchWorld(bus: bus, sandbox: sandbox, arrivals: arrivals))
            }
        }
    }

    /// The next request to arrive for `action` (`start`, `pause`...), skipping any other; fails loudly if the
    /// agent sends none within `timeout`.
    func nextPlaybackRequest(_ action: String, timeout: Duration = .seconds(20)) async throws -> RecordedRequest {
        try await nextRequest(at: Self.playbackPath + action, timeout: timeout)
    }

    /// The next request to arrive at `path`, skipping any other; fails loudly if none comes within `timeout`.
    func nextRequest(at path: String, timeout: Duration = .seconds(20)) async throws -> RecordedRequest {
        do {
            return try await arrivals.next(timeout: timeout) { $0.path == path }.match
        } catch {
            throw BenchAgent.Failure(description: "no request reached \(path) on the sandbox: \(error)")
        }
    }

    /// The playback requests the sandbox received so far, oldest first.
    func playbackRequests() async -> [RecordedRequest] {
        await sandbox.recordedRequests(pathPrefix: Self.playbackPath)
    }
}
