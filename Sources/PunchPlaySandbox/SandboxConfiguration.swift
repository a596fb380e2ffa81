import Foundation

/// Everything about the sandbox's behaviour that a test or a user may choose; all times are in seconds.
///
/// Decoding (the control API's `PUT /_sandbox/configuration`) fills every missing key with its default.
public struct SandboxConfiguration: Codable, Sendable, Equatable {
    /// Registered developer apps.
    public var apps: [SandboxApp] = [.agent]
    /// The account that owns every token.
    public var user: SandboxUser = .preset
    /// `expires_in` of access tokens (the real service: about an hour).
    public var accessTokenLifetime: TimeInterval = 3600
    /// `refresh_expires_in` of refresh tokens.
    public var refreshTokenLifetime: TimeInterval = 30 * 24 * 3600
    /// `expires_in` of device codes.
    public var deviceCodeLifetime: TimeInterval = 600
    /// Approve a device code by itself once it was polled this many times (answering `authorization_pending`
    /// that often first); `nil` waits for an explicit approval.
    public var autoApproveAfterPolls: Int?
    /// Minimum time between two polls of one device code; faster polls get `slow_down` and add 5 s to it.
    public var pollInterval: TimeInterval = 5
    /// Whether a refresh returns a new refresh token (and invalidates the old one).
    public var rotateRefreshTokens = true
    /// Whether a refresh also revokes the access token issued with the used refresh token.
    public var revokeAccessTokenOnRefresh = false
    /// The documented budgets by default.
    public var rateLimits: SandboxRateLimits = .documented
    /// The completion fraction a `stop` without `watched_threshold` is judged with.
    public var defaultWatchedThreshold: Double = 0.9
    /// Largest request body accepted on API endpoints, in bytes.
    public var maximumBodyBytes = 64 * 1024
    /// Seconds between keep-alive comments on live event streams (read when the sandbox starts).
    public var keepAliveInterval: TimeInterval = 15

    public init() {}

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SandboxConfiguration()
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try container.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        apps = try value(.apps, defaults.apps)
        user = try value(.user, defaults.user)
        accessTokenLifetime = try value(.accessTokenLifetime, defaults.accessTokenLifetime)
        refreshTokenLifetime = try value(.refreshTokenLifetime, defaults.refreshTokenLifetime)
        deviceCodeLifetime = try value(.deviceCodeLifetime, defaults.deviceCodeLifetime)
        autoApproveAfterPolls = try container.decodeIfPresent(Int.self, forKey: .autoApproveAfterPolls)
        pollInterval = try value(.pollInterval, defaults.pollInterval)
        rotateRefreshTokens = try value(.rotateRefreshTokens, defaults.rotateRefreshTokens)
        revokeAccessTokenOnRefresh = try value(.revokeAccessTokenOnRefresh, defaults.revokeAccessTokenOnRefresh)
        rateLimits = try value(.rateLimits, defaults.rateLimits)
        defaultWatchedThreshold = try value(.defaultWatchedThreshold, defaults.defaultWatchedThreshold)
        maximumBodyBytes = try value(.maximumBodyBytes, defaults.maximumBodyBytes)
        keepAliveInterval = try value(.keepAliveInterval, defaults.keepAliveInterval)
    }

    /// An app by its `client_id`.
    func app(clientID: String) -> SandboxApp? {
        apps.first { $0.clientID == clientID }
    }
}
