/// Whether the agent can talk to PunchPlay on the user's behalf; the rest of the agent observes it to hold
/// events and tell the user when a new login is needed.
public enum AuthState: Sendable, Hashable {
    /// Credentials are loaded and usable (they may still need a refresh).
    case loggedIn
    /// No credentials are stored: the user never logged in or logged out.
    case loggedOut
    /// The refresh token was refused (`invalid_grant`/`invalid_client`) or the access token is rejected even
    /// after a refresh: nothing works until the user logs in again.
    case loginRequired(reason: String)
}
