import Foundation

/// The in-process control API: what a Swift test uses to steer the sandbox and to read what it recorded.
/// Each method has an HTTP twin under `/_sandbox/` (see `README.md`).
extension PunchPlaySandbox {
    // MARK: Configuration and clock

    /// The configuration in effect.
    public func configuration() async -> SandboxConfiguration {
        await state.configuration
    }

    /// Changes the configuration for every later request (tokens and codes already issued keep their expiry).
    public func updateConfiguration(_ change: @escaping @Sendable (inout SandboxConfiguration) -> Void) async {
        await state.updateConfiguration(change)
    }

    /// Lifetime of access tokens issued from now on, in seconds.
    public func setAccessTokenLifetime(_ seconds: TimeInterval) async {
        await state.updateConfiguration { $0.accessTokenLifetime = seconds }
    }

    /// Approve device codes by themselves after `polls` pending answers; `nil` waits for `approveDeviceCode`.
    public func setAutoApproveAfterPolls(_ polls: Int?) async {
        await state.updateConfiguration { $0.autoApproveAfterPolls = polls }
    }

    /// Replaces the rate budgets (`.disabled` switches them off).
    public func setRateLimits(_ limits: SandboxRateLimits) async {
        await state.updateConfiguration { $0.rateLimits = limits }
    }

    /// Stops the sandbox clock, so durations a test asserts on (`expires_in`, `Retry-After`) do not depend on how
    /// fast the machine is; afterwards only `advanceClock(by:)` moves it.
    public func freezeClock() async {
        await state.freezeClock()
    }

    /// Moves the sandbox clock forward: tokens, device codes and rate windows see the time pass at once.
    public func advanceClock(by seconds: TimeInterval) async {
        await state.advanceClock(by: seconds)
    }

    // MARK: Device codes

    /// Every device code issued so far, oldest first.
    public func deviceCodes() async -> [DeviceCodeInfo] {
        await state.allDeviceCodes()
    }

    /// Approves the pending code `userCode` as the sandbox user; the next poll gets tokens.
    public func approveDeviceCode(userCode: String) async throws(SandboxControlError) {
        try await resolve(userCode, to: .approved)
    }

    /// Approves the pending code `userCode` granting only `scopes` of those it asked for, as a user who unticks
    /// some on the consent page would; the next poll gets tokens for the rest.
    public func approveDeviceCode(userCode: String, grantingOnly scopes: [String]) async throws(SandboxControlError) {
        try await resolve(userCode, to: .approved, grantedScopes: scopes)
    }

    /// Declines the pending code `userCode`; the next poll gets `access_denied`.
    public func denyDeviceCode(userCode: String) async throws(SandboxControlError) {
        try await resolve(userCode, to: .denied)
    }

    /// Expires the pending code `userCode` now; the next poll gets `expired_token`.
    public func expireDeviceCode(userCode: String) async throws(SandboxControlError) {
        try await resolve(userCode, to: .expired)
    }

    private func resolve(
        _ userCode: String,
        to status: DeviceCodeInfo.Status,
        grantedScopes: [String]? = nil
    ) async throws(SandboxControlError) {
        guard await state.resolveDeviceCode(userCode: userCode, to: status, grantedScopes: grantedScopes) else {
            throw SandboxControlError("No pending device code has the user code \(userCode).")
        }
    }

    // MARK: Tokens

    /// A token pair for the sandbox user, as if a login had just finished, for tests that skip the login flow.
    /// - Parameter clientID: the app to issue for; `nil` means the first registered app.
    public func issueTokens(
        clientID: String? = nil,
        scopes: [String] = SandboxScope.all
    ) async throws(SandboxControlError) -> IssuedTokens {
        let apps = await state.configuration.apps
        guard let app = clientID.map({ id in apps.first { $0.clientID == id } }) ?? apps.first else {
            throw SandboxControlError("No app is registered with client_id \(clientID ?? "(any)").")
        }
        return await state.issueTokens(app: app, scopes: scopes)
    }

    /// Revokes every token of `userID` (the preset user by default), as a password change on the service would.
    public func revokeTokens(userID: String = SandboxUser.preset.id) async {
        await state.revokeAllTokens(userID: userID)
    }

    /// How many refreshes issued tokens and how many reused refresh tokens were caught, since the start or the
    /// last `reset()`.
    public func refreshStatistics() async -> RefreshStatistics {
        await state.refreshStatistics()
    }

    /// Ends every open `GET /playback/events` stream, as a server restart or a proxy timeout would, so a test
    /// can see a client reconnect.
    public func closeEventStreams() async {
        await state.closeEventStreams()
    }

    // MARK: Faults

    /// Queues `fault` for the next matching API requests; faults apply in the order they were injected.
    public func inject(_ fault: SandboxFault) async {
        await state.inject(fault)
    }

    /// Drops every queued fault.
    public func clearFaults() async {
        await state.clearFaults()
    }

    // MARK: What happened

    /// Every API request received so far (control requests excluded), oldest first; optionally only those whose
    /// path starts with `pathPrefix`.
    public func recordedRequests(pathPrefix: String? = nil) async -> [RecordedRequest] {
        await state.recordedRequests().filter { pathPrefix.map($0.path.hasPrefix) ?? true }
    }

    /// Each API request from now on, as soon as it was answered (or closed without an answer: a dropped connection
    /// right away, a hang when the sandbox stops). Lets a test wait for "the sandbox has seen the stop" without
    /// polling; the stream ends when the sandbox stops.
    public func completedRequests() async -> AsyncStream<RecordedRequest> {
        await state.observeRequests(onArrival: false)
    }

    /// Each API request from now on, as soon as it arrived (before any fault or handler ran; `responseStatus` is
    /// `nil`). Lets a test know a request reached the sandbox, e.g. one that is about to hang.
    public func receivedRequests() async -> AsyncStream<RecordedRequest> {
        await state.observeRequests(onArrival: true)
    }

    /// Forgets the recorded requests.
    public func clearRecordedRequests() async {
        await state.clearRecordedRequests()
    }

    /// Playback events accepted so far (deduped repeats excluded), optionally of one session, in arrival order.
    public func acceptedEvents(sessionID: String? = nil) async -> [AcceptedEvent] {
        await state.acceptedEvents(sessionID: sessionID)
    }

    /// Watches recorded by `stop` events, oldest first.
    public func watchHistory() async -> [WatchRecord] {
        await state.watchHistory()
    }

    /// Forgets tokens, device codes, playback, requests, faults and rate counts, and returns the clock to wall time.
    public func reset() async {
        await state.reset()
    }
}
