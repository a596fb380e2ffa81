extension PunchPlayClient {
    /// What the API client needs to know about its app and installation, as plain values: the agent builds it
    /// from the `[punchplay]` table of `config.toml`, tests build it by hand.
    public struct Configuration: Sendable {
        public var clientID: String
        /// Only for confidential clients; this agent is a public client and normally has none.
        public var clientSecret: Secret?
        public var baseURL: APIBaseURL
        /// Sent as `device_name` at login so the user can tell installations apart (default: the host name).
        public var deviceName: String?
        /// Stable per installation; sent as `device_id` at login.
        public var deviceID: String?
        /// The agent's version, sent as `User-Agent: punchplay-mpris/VERSION`.
        public var clientVersion: String
        /// The time every plain request has to complete, head and body.
        public var requestTimeout: Duration
        /// Responses larger than this are refused instead of being read into memory.
        public var maximumResponseBytes: Int
        /// How often this client may call `/auth/refresh` (cool-down after failures, hourly cap).
        public var refreshPolicy: RefreshPolicy

        public init(
            clientID: String,
            clientSecret: Secret? = nil,
            baseURL: APIBaseURL = .production,
            deviceName: String? = nil,
            deviceID: String? = nil,
            clientVersion: String,
            requestTimeout: Duration = .seconds(30),
            maximumResponseBytes: Int = 1 << 20,
            refreshPolicy: RefreshPolicy = RefreshPolicy()
        ) {
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.baseURL = baseURL
            self.deviceName = deviceName
            self.deviceID = deviceID
            self.clientVersion = clientVersion
            self.requestTimeout = requestTimeout
            self.maximumResponseBytes = maximumResponseBytes
            self.refreshPolicy = refreshPolicy
        }

        var userAgent: String { "punchplay-mpris/\(clientVersion)" }
    }
}
