/// The account that approves device codes in the sandbox and owns every token and playback it records.
public struct SandboxUser: Codable, Sendable, Equatable {
    /// The user id (`/me` `id`, SSE `userId`).
    public var id: String
    /// The login name returned with tokens and by `/me`.
    public var username: String
    /// The display name.
    public var name: String
    /// The e-mail address.
    public var email: String

    public init(id: String, username: String, name: String, email: String) {
        self.id = id
        self.username = username
        self.name = name
        self.email = email
    }

    /// The preset sandbox account.
    public static let preset = SandboxUser(
        id: "usr_sandbox",
        username: "sandbox",
        name: "Sandbox User",
        email: "sandbox@punchplay.invalid"
    )
}
