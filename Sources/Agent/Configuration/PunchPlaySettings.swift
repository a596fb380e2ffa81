import Credentials

/// The `[punchplay]` table: which app the agent logs in as, where the service is, where credentials live and
/// what the device is called.
public struct PunchPlaySettings: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
    /// The service the agent talks to unless `api_base_url` says otherwise.
    public static let defaultBaseURL = "https://punchplay.tv"

    /// The developer app's `client_id` from the configuration; `nil` when the file does not set one (see
    /// `requireClientID()`, which falls back to `builtInClientID`).
    public var clientID: String?
    /// The `client_id` built into the binary by its distributor (`BuiltInClientID.value`, which
    /// `ConfigurationLoader` passes in); used when the configuration sets none.
    public var builtInClientID: String?
    /// The app's `client_secret`, only for confidential apps.
    /// - Warning: a secret: never log it; `description` hides it.
    public var clientSecret: String?
    /// The validated base URL (https, or http on a loopback host; no credentials), without a trailing slash.
    public var apiBaseURL: String
    public var credentialStore: CredentialStoreChoice
    /// The name shown for this device in PunchPlay; the host name unless configured.
    public var deviceName: String
    /// Whether full file paths (instead of only file names) may leave the machine.
    public var sendFullPath: Bool

    public init(
        clientID: String? = nil,
        builtInClientID: String? = nil,
        clientSecret: String? = nil,
        apiBaseURL: String = PunchPlaySettings.defaultBaseURL,
        credentialStore: CredentialStoreChoice = .auto,
        deviceName: String,
        sendFullPath: Bool = false
    ) {
        self.clientID = clientID
        self.builtInClientID = builtInClientID
        self.clientSecret = clientSecret
        self.apiBaseURL = apiBaseURL
        self.credentialStore = credentialStore
        self.deviceName = deviceName
        self.sendFullPath = sendFullPath
    }

    /// The `client_id` the agent logs in with: the configuration's, else the built-in one.
    public var effectiveClientID: String? { clientID ?? builtInClientID }

    /// Where `effectiveClientID` comes from.
    public var clientIDSource: ClientIDSource {
        if clientID != nil { return .configuration }
        return builtInClientID == nil ? .none : .builtIn
    }

    /// The `client_id` in use and where it comes from, in one line for `status`, `doctor` and `config check`.
    public func clientIDSummary(configurationFile: String) -> String {
        switch clientIDSource {
        case .configuration: "\(effectiveClientID ?? "") (from the configuration)"
        case .builtIn: "\(effectiveClientID ?? "") (built in by the distributor)"
        case .none: "none: set client_id under [punchplay] in \(configurationFile)"
        }
    }

    /// The `client_id` in use, or an error telling the user where to set it. For the commands that talk to
    /// PunchPlay.
    public func requireClientID(configurationFile: String) throws(MissingClientIDError) -> String {
        guard let clientID = effectiveClientID else { throw MissingClientIDError(configurationFile: configurationFile) }
        return clientID
    }

    public var description: String {
        "PunchPlaySettings(clientID: \(clientID ?? "nil"), builtInClientID: \(builtInClientID ?? "nil"), clientSecret: \(clientSecret == nil ? "nil" : "<redacted>"), "
            + "apiBaseURL: \(apiBaseURL), credentialStore: \(credentialStore.rawValue), deviceName: \(deviceName), "
            + "sendFullPath: \(sendFullPath))"
    }

    /// What `dump`, `debugPrint` and string interpolation of enclosing values show: the secret masked.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "clientID": clientID as Any,
                "builtInClientID": builtInClientID as Any,
                "clientSecret": clientSecret.map { _ in "<redacted>" } as Any,
                "apiBaseURL": apiBaseURL,
                "credentialStore": credentialStore,
                "deviceName": deviceName,
                "sendFullPath": sendFullPath,
            ],
            displayStyle: .struct
        )
    }
}
