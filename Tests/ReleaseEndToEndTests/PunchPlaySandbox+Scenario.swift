import PunchPlaySandbox
import TestSupport

/// What the scenarios read from the sandbox and wait for: the reported playback events, and conditions on the
/// traffic re-checked after each request the sandbox answers, so nothing is polled on a timer.
extension PunchPlaySandbox {
    static let playbackPath = "/api/platform/v1/playback/"

    /// The playback events accepted so far, in arrival order.
    func reportedEvents() async throws -> [ReportedEvent] {
        try await acceptedEvents().map(ReportedEvent.init)
    }

    /// The playback events sent so far (`POST`s, answered or not; not the reads `status` makes).
    func playbackRequests() async -> [RecordedRequest] {
        await recordedRequests(pathPrefix: Self.playbackPath).filter { $0.method == "POST" }
    }

    /// Waits until `check` returns a value, trying now and after each answered (or dropped) API request.
    ///
    /// - Throws: `ScenarioError` naming `what` and the events seen when `timeout` passes first.
    func waitUntil<Found: Sendable>(
        _ what: String,
        timeout: Duration = .seconds(30),
        _ check: @escaping @Sendable () async throws -> Found?
    ) async throws -> Found {
        let completions = await completedRequests()
        do {
            return try await withTimeout(timeout) {
                if let found = try await check() { return found }
                for await _ in completions {
                    if let found = try await check() { return found }
                }
                throw ScenarioError("the sandbox stopped while waiting for \(what)")
            }
        } catch is TimedOut {
            let seen = (try? await reportedEvents())?.map(\.description) ?? []
            throw ScenarioError("waited \(timeout) for \(what); the sandbox accepted \(seen)")
        }
    }

    /// Waits until the accepted events satisfy `condition` and returns them all.
    @discardableResult
    func waitForEvents(
        _ what: String,
        timeout: Duration = .seconds(30),
        until condition: @escaping @Sendable ([ReportedEvent]) -> Bool
    ) async throws -> [ReportedEvent] {
        try await waitUntil(what, timeout: timeout) {
            let events = try await self.reportedEvents()
            return condition(events) ? events : nil
        }
    }

    /// Waits until `count` events with `action` were accepted and returns every accepted event.
    @discardableResult
    func waitForEvents(
        _ count: Int,
        _ action: String,
        timeout: Duration = .seconds(30)
    ) async throws -> [ReportedEvent] {
        try await waitForEvents("\(count) \(action) event(s)", timeout: timeout) { events in
            events.filter { $0.action == action }.count >= count
        }
    }
}
