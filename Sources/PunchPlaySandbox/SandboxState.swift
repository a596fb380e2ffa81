import Foundation

/// All of the sandbox's mutable state behind one actor: configuration, clock, apps, tokens, device codes,
/// playback, recorded requests, pending faults and live-update subscribers.
///
/// Route handlers and the control API only call into this actor, so every rule runs serialised on one consistent
/// state and tests can read exactly what the HTTP side did.
actor SandboxState {
    private(set) var configuration: SandboxConfiguration
    private var clockOffset: TimeInterval = 0
    private var tokens = TokenRegistry()
    private var deviceCodes = DeviceCodeRegistry()
    private var limiter = RateLimiter()
    private var ledger = PlaybackLedger()
    private var requests: [RecordedRequest] = []
    private var faults: [SandboxFault] = []
    private var updateSequence: [String: Int] = [:]
    private var updateSubscribers: [UUID: (userID: String, continuation: AsyncStream<JSONValue>.Continuation)] = [:]
    private var shutdownWaiters: [UUID: AsyncStream<Void>.Continuation] = [:]
    private var isShutDown = false

    init(configuration: SandboxConfiguration) {
        self.configuration = configuration
    }

    /// The sandbox clock: wall time plus whatever tests advanced it by.
    var now: Date { Date().addingTimeInterval(clockOffset) }

    func advanceClock(by seconds: TimeInterval) {
        clockOffset += seconds
    }

    func setConfiguration(_ configuration: SandboxConfiguration) {
        self.configuration = configuration
    }

    func updateConfiguration(_ change: @Sendable (inout SandboxConfiguration) -> Void) {
        change(&configuration)
    }

    // MARK: Apps and scopes

    /// The app `clientID` names, after checking its secret: confidential apps must send theirs, public apps none.
    func authenticateClient(clientID: String, secret: String?) throws(SandboxAPIError) -> SandboxApp {
        guard let app = configuration.app(clientID: clientID) else {
            throw .invalidClient("Unknown client_id.")
        }
        switch (app.clientSecret, secret) {
        case (nil, nil):
            return app
        case (nil, .some):
            throw .invalidClient("This app is a public client; it must not send a client_secret.")
        case (.some(let expected), let given):
            guard given == expected else { throw .invalidClient("The client_secret is missing or wrong.") }
            return app
        }
    }

    /// The scopes to grant for a space-separated `requested` list (`nil`: all the app may have).
    func grantedScopes(for app: SandboxApp, requested: String?) throws(SandboxAPIError) -> [String] {
        guard let requested else { return app.allowedScopes }
        let scopes = requested.split(separator: " ").map(String.init)
        guard !scopes.isEmpty else { throw .invalidScope("The scope parameter is empty.") }
        let refused = scopes.filter { !app.allowedScopes.contains($0) }
        guard refused.isEmpty else {
            throw .invalidScope("Scope(s) not allowed for this app: \(refused.joined(separator: " ")).")
        }
        return scopes
    }

    // MARK: Rate limits

    enum Budget: String {
        case deviceCode, deviceToken, refresh, oauthToken, playbackWrites
    }

    func admit(_ budget: Budget, caller: String) throws(SandboxAPIError) {
        let limits = configuration.rateLimits
        let chosen: RateBudget? =
            switch budget {
            case .deviceCode: limits.deviceCode
            case .deviceToken: limits.deviceToken
            case .refresh: limits.refresh
            case .oauthToken: limits.oauthToken
            case .playbackWrites: limits.playbackWrites
            }
        try limiter.admit(budget.rawValue + "|" + caller, budget: chosen, now: now)
    }

    // MARK: Device codes

    func createDeviceCode(app: SandboxApp, scopes: [String]) -> DeviceCodeInfo {
        deviceCodes.create(clientID: app.clientID, scopes: scopes, now: now, configuration: configuration)
    }

    func pollDeviceCode(
        _ deviceCode: String,
        app: SandboxApp,
        deviceID: String?,
        deviceName: String?
    ) throws(SandboxAPIError) -> IssuedTokens {
        let info = try deviceCodes.poll(
            deviceCode: deviceCode,
            clientID: app.clientID,
            deviceID: deviceID,
            deviceName: deviceName,
            now: now,
            configuration: configuration
        )
        return tokens.issue(
            clientID: app.clientID,
            userID: configuration.user.id,
            scopes: info.scopes,
            now: now,
            configuration: configuration
        )
    }

    func resolveDeviceCode(userCode: String, to status: DeviceCodeInfo.Status) -> Bool {
        deviceCodes.resolve(userCode: userCode, to: status, now: now)
    }

    func allDeviceCodes() -> [DeviceCodeInfo] {
        deviceCodes.all(now: now)
    }

    // MARK: Tokens

    func issueTokens(app: SandboxApp, scopes: [String]) -> IssuedTokens {
        tokens.issue(
            clientID: app.clientID,
            userID: configuration.user.id,
            scopes: scopes,
            now: now,
            configuration: configuration
        )
    }

    func refresh(_ refreshToken: String, app: SandboxApp) throws(SandboxAPIError) -> (
        tokens: IssuedTokens, rotated: Bool
    ) {
        try tokens.refresh(refreshToken, clientID: app.clientID, now: now, configuration: configuration)
    }

    func revoke(_ token: String, app: SandboxApp) {
        tokens.revoke(token, clientID: app.clientID)
    }

    func revokeAllTokens(userID: String) {
        tokens.revokeAll(userID: userID)
    }

    func authenticate(accessToken: String) throws(SandboxAPIError) -> AccessGrant {
        try tokens.authenticate(accessToken, now: now)
    }

    // MARK: Playback

    func recordPlayback(action: String, body: PlaybackBody, rawBody: String, grant: AccessGrant)
        throws(SandboxAPIError) -> JSONValue
    {
        let source = configuration.app(clientID: grant.clientID)?.name ?? grant.clientID
        let outcome = try ledger.apply(
            action: action,
            body: body,
            rawBody: rawBody,
            userID: grant.userID,
            mediaSource: source,
            now: now,
            defaultThreshold: configuration.defaultWatchedThreshold
        )
        if outcome.changed {
            publishUpdate(userID: grant.userID)
        }
        return outcome.response
    }

    func nowPlaying(userID: String) -> JSONValue {
        ledger.nowPlaying(userID: userID)
    }

    func inProgress(userID: String) -> JSONValue {
        ledger.inProgress(userID: userID)
    }

    func acceptedEvents(sessionID: String?) -> [AcceptedEvent] {
        ledger.events.filter { sessionID == nil || $0.sessionID == sessionID }
    }

    func watchHistory() -> [WatchRecord] {
        ledger.watches
    }

    // MARK: Recorded requests

    /// Stores `request` and returns its index for `complete(_:status:)`.
    func record(_ request: RecordedRequest) -> Int {
        var request = request
        request.receivedAt = now
        requests.append(request)
        return requests.count - 1
    }

    func complete(_ index: Int, status: Int?) {
        guard requests.indices.contains(index) else { return }
        requests[index].responseStatus = status
    }

    func recordedRequests() -> [RecordedRequest] {
        requests
    }

    func clearRecordedRequests() {
        requests = []
    }

    // MARK: Faults

    func inject(_ fault: SandboxFault) {
        guard fault.count > 0 else { return }
        faults.append(fault)
    }

    func clearFaults() {
        faults = []
    }

    /// The first pending fault matching `path`, counted down by one.
    func takeFault(path: String) -> SandboxFault? {
        guard let index = faults.firstIndex(where: { $0.matches(path: path) }) else { return nil }
        let fault = faults[index]
        faults[index].count -= 1
        if faults[index].count <= 0 {
            faults.remove(at: index)
        }
        return fault
    }

    // MARK: Live updates and shutdown

    /// A stream of `playback-update` payloads for `userID`, finished when the sandbox stops.
    func subscribeToUpdates(userID: String) -> AsyncStream<JSONValue> {
        let (stream, continuation) = AsyncStream<JSONValue>.makeStream()
        guard !isShutDown else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        updateSubscribers[id] = (userID, continuation)
        continuation.onTermination = { _ in
            Task { await self.unsubscribe(id) }
        }
        return stream
    }

    /// A stream that finishes when the sandbox stops; hanging requests wait on it.
    func shutdownSignal() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        guard !isShutDown else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        shutdownWaiters[id] = continuation
        continuation.onTermination = { _ in
            Task { await self.forgetShutdownWaiter(id) }
        }
        return stream
    }

    /// Ends every live stream and releases every hanging request, so the server can stop gracefully.
    func shutdown() {
        isShutDown = true
        for subscriber in updateSubscribers.values {
            subscriber.continuation.finish()
        }
        for waiter in shutdownWaiters.values {
            waiter.finish()
        }
        updateSubscribers = [:]
        shutdownWaiters = [:]
    }

    /// Forgets tokens, codes, playback, requests, faults and rate counts; keeps configuration and subscribers.
    func reset() {
        tokens = TokenRegistry()
        deviceCodes = DeviceCodeRegistry()
        limiter.reset()
        ledger = PlaybackLedger()
        requests = []
        faults = []
        clockOffset = 0
    }

    private func publishUpdate(userID: String) {
        let sequence = (updateSequence[userID] ?? 0) + 1
        updateSequence[userID] = sequence
        let payload: JSONValue = [
            "emittedAt": .string(now.formatted(.iso8601WithMilliseconds)),
            "sequence": .integer(Int64(sequence)),
            "userId": .string(userID),
        ]
        for subscriber in updateSubscribers.values where subscriber.userID == userID {
            subscriber.continuation.yield(payload)
        }
    }

    private func unsubscribe(_ id: UUID) {
        updateSubscribers[id] = nil
    }

    private func forgetShutdownWaiter(_ id: UUID) {
        shutdownWaiters[id] = nil
    }
}
