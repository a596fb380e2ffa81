/// The rate budgets of the contract (§6); each can be lowered for a test or switched off (`nil`).
public struct SandboxRateLimits: Codable, Sendable, Equatable {
    /// `POST /auth/device/code`, per client IP.
    public var deviceCode: RateBudget?
    /// `POST /auth/device/token`, per client IP.
    public var deviceToken: RateBudget?
    /// `POST /auth/refresh` (and the refresh grant of `/oauth/token`), per client IP.
    public var refresh: RateBudget?
    /// `POST /oauth/token`, per client IP.
    public var oauthToken: RateBudget?
    /// `POST /playback/{action}`, per access token.
    public var playbackWrites: RateBudget?

    public init(
        deviceCode: RateBudget? = nil,
        deviceToken: RateBudget? = nil,
        refresh: RateBudget? = nil,
        oauthToken: RateBudget? = nil,
        playbackWrites: RateBudget? = nil
    ) {
        self.deviceCode = deviceCode
        self.deviceToken = deviceToken
        self.refresh = refresh
        self.oauthToken = oauthToken
        self.playbackWrites = playbackWrites
    }

    /// The budgets the real service documents.
    public static let documented = SandboxRateLimits(
        deviceCode: RateBudget(limit: 10, window: 3600),
        deviceToken: RateBudget(limit: 200, window: 600),
        refresh: RateBudget(limit: 20, window: 3600),
        oauthToken: RateBudget(limit: 120, window: 60),
        playbackWrites: RateBudget(limit: 120, window: 300)
    )

    /// No limits at all.
    public static let disabled = SandboxRateLimits()
}
