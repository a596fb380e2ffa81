/// What a failure means for the request that caused it (`shared/punchplay-api.md` §6, "Retry classes").
public enum RetryClass: Sendable, Hashable {
    /// Network errors, timeouts, 408, 429, 5xx: send the same body again later.
    case transient
    /// 400, 403, 404, 409, 422: this request will never succeed; keep it visible, do not retry.
    case permanent
    /// 401 that a refresh could not cure, or `invalid_grant`/`invalid_client`: hold everything until the
    /// user logs in again.
    case loginRequired
}
