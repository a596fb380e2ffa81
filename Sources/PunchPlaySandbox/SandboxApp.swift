/// A developer app registered with the sandbox: who may ask for tokens, with which scopes and secret (§1).
public struct SandboxApp: Codable, Sendable, Equatable {
    /// The developer app's id, reported by `/me` as `developer_app.id`.
    public var id: String
    /// The app's display name (`developer_app.name`, and `mediaSource` of now-playing).
    public var name: String
    /// The public `client_id`.
    public var clientID: String
    /// The secret of a confidential client; `nil` for a public client, which must then send none.
    public var clientSecret: String?
    /// Scopes this app may be granted; omitting `scope` in a request grants all of them.
    public var allowedScopes: [String]
    /// Redirect URIs accepted by the browser (authorization code) flow.
    public var redirectURIs: [String]

    public init(
        id: String,
        name: String,
        clientID: String,
        clientSecret: String? = nil,
        allowedScopes: [String] = SandboxScope.all,
        redirectURIs: [String] = []
    ) {
        self.id = id
        self.name = name
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.allowedScopes = allowedScopes
        self.redirectURIs = redirectURIs
    }

    /// The `client_id` of the app every sandbox has preset.
    public static let agentClientID = "punchplay-mpris-sandbox"

    /// The preset public app with the four scopes the agent needs.
    public static let agent = SandboxApp(
        id: "app_sandbox_agent",
        name: "punchplay-mpris (sandbox)",
        clientID: agentClientID,
        redirectURIs: ["http://127.0.0.1/callback"]
    )
}
