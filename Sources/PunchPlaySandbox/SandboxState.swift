import Foundation

/// All of the sandbox's mutable state behind one actor: configuration, clock, apps, tokens, device codes,
/// playback, recorded requests, pending faults and live-update subscribers.
///
/// Route handlers and the control API only call into this actor, so every rule runs serialised on one consistent
/// state and tests can read exactly what the HTTP side did.
actor SandboxState {
    private(set) var configuration: SandboxConfiguration
    private var clockOffset: TimeInterval = 0
    private var frozenAt: Date?
    var tokens = TokenRegistry()
    var deviceCodes = DeviceCodeRegistry()
    var authorizationCodes = AuthorizationCodeRegistry()
    var limiter = RateLimiter()
    var ledger = PlaybackLedger()
    var requests: [RecordedRequest] = []
    var faults: [SandboxFault] = []
    var updateSequence: [String: Int] = [:]
    var updateSubscribers: [UUID: (userID: String, continuation: AsyncStream<LiveMessage>.Continuation)] = [:]
    var shutdownWaiters: [UUID: AsyncStream<Void>.Continuation] = [:]
    var requestObservers: [UUID: (onArrival: Bool, continuation: AsyncStream<RecordedRequest>.Continuation)] =
        [:]
    var isShutDown = false

    init(configuration: SandboxConfiguration) {
        self.configuration = configuration
    }

    /// The sandbox clock: wall time (or the instant it was frozen at) plus whatever tests advanced it by.
    var now: Date { (frozenAt ?? Date()).addingTimeInterval(clockOffset) }

    /// Stops the clock at the current instant; from then on only `advanceClock(by:)` moves it.
    func freezeClock() {
        frozenAt = frozenAt ?? Date()
    }

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

    /// Forgets tokens, codes, playback, requests, faults and rate counts and returns the clock to wall time; keeps
    /// configuration and subscribers.
    func reset() {
        tokens = TokenRegistry()
        deviceCodes = DeviceCodeRegistry()
        authorizationCodes = AuthorizationCodeRegistry()
        limiter.reset()
        ledger = PlaybackLedger()
        requests = []
        faults = []
        clockOffset = 0
        frozenAt = nil
    }
}
