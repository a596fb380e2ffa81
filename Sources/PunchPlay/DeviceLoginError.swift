import PlaybackModel

/// Why a device-code login did not end with a usable login, each with its own sentence for the user.
public enum DeviceLoginError: Error, Sendable, CustomStringConvertible {
    /// The service says the code expired (`expired` / `expired_token`).
    case expired
    /// The user declined on the website (`access_denied`).
    case denied
    /// The code's lifetime passed without an approval.
    case timedOut(Duration)
    /// The login worked but lacks scopes the agent needs.
    case missingScopes([PunchPlayScope], username: String)
    /// A new login lacks scopes the agent needs while another login is stored: the stored one was kept.
    case replacementLacksScopes([PunchPlayScope])
    /// Anything else the service or network answered.
    case service(PunchPlayError)

    public var description: String {
        switch self {
        case .expired:
            return "The login code expired before it was approved. Run `punchplay-mpris login` again for a new code."
        case .denied:
            return "The login was declined on the PunchPlay website. Run `punchplay-mpris login` to try again."
        case .timedOut(let lifetime):
            return "Nobody approved the login code within \(lifetime.components.seconds) s. "
                + "Run `punchplay-mpris login` again for a new code."
        case .missingScopes(let scopes, let username):
            let names = scopes.map(\.rawValue).joined(separator: ", ")
            return "Logged in as \(username), but the login lacks the scope(s) \(names) that the agent needs. "
                + "Allow them for the app on PunchPlay, then run `punchplay-mpris login` again."
        case .replacementLacksScopes(let scopes):
            let names = scopes.map(\.rawValue).joined(separator: ", ")
            return "The new login lacks the scope(s) \(names) that the agent needs, so the previous login is kept. "
                + "Allow them for the app on PunchPlay, then run `punchplay-mpris login` again."
        case .service(let error):
            return "Login failed: \(error)"
        }
    }
}
