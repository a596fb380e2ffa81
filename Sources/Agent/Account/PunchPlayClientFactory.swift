import Credentials
import Logging
import PunchPlay

/// The one way the agent, the account commands and `doctor` build a PunchPlay client: the client's
/// configuration from the `[punchplay]` table, the credential store `credential_store` picks in the state
/// directory, and the client over that store, refreshing under the login lock in the same state directory (whichever
/// store holds the login), so the agent and the commands never refresh the same pair twice.
public struct PunchPlayClientFactory: Sendable {
    let settings: PunchPlaySettings
    /// Named in the message when `client_id` is missing.
    let configurationFile: String
    let directories: XDGDirectories

    public init(settings: PunchPlaySettings, configurationFile: String, directories: XDGDirectories) {
        self.settings = settings
        self.configurationFile = configurationFile
        self.directories = directories
    }

    /// A client and its credential store; call `client.shutdown()` when done.
    /// - Parameters:
    ///   - deviceID: the installation's id, sent at login; nil leaves it out.
    ///   - logLabel: the label of the client's logger.
    public func make(
        deviceID: String? = nil,
        logLabel: String = "punchplay-mpris.punchplay"
    ) async throws(PunchPlayClientSetupError) -> AgentClient {
        let configuration: PunchPlayClient.Configuration
        do {
            configuration = PunchPlayClient.Configuration(
                clientID: try settings.requireClientID(configurationFile: configurationFile),
                clientSecret: settings.clientSecret.map(Secret.init),
                baseURL: try APIBaseURL(settings.apiBaseURL),
                deviceName: settings.deviceName,
                deviceID: deviceID,
                clientVersion: AgentVersion.current
            )
        } catch {
            throw .configuration(error)
        }
        let store: any CredentialStore
        do {
            store = try await CredentialStoreFactory.store(
                for: settings.credentialStore, stateDirectory: directories.agentStateDirectory)
        } catch {
            throw .credentialStore(error)
        }
        let client = PunchPlayClient(
            settings: configuration,
            store: store,
            lock: FileLoginLock(stateDirectory: directories.agentStateDirectory),
            logger: Logger(label: logLabel)
        )
        return AgentClient(client: client, store: store)
    }
}

/// A PunchPlay client together with the credential store it keeps the login in (the agent watches the store
/// for a login made by `punchplay-mpris login`; the commands name it in their messages).
public struct AgentClient: Sendable {
    public let client: PunchPlayClient
    public let store: any CredentialStore
}

/// Why `PunchPlayClientFactory` could not build a client; the description is the cause's own message.
public enum PunchPlayClientSetupError: Error, CustomStringConvertible {
    /// The `[punchplay]` table cannot make a client: `client_id` is missing (`MissingClientIDError`) or the
    /// base URL is refused (`APIBaseURLError`).
    case configuration(any Error)
    /// The credential store `credential_store` asks for is not available.
    case credentialStore(CredentialStoreError)

    public var description: String {
        switch self {
        case .configuration(let error): "\(error)"
        case .credentialStore(let error): error.description
        }
    }
}
