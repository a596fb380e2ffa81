import Logging
import PunchPlay

extension PunchPlayClient.Configuration {
    /// The client's configuration from the `[punchplay]` table.
    /// - Parameter configurationFile: named in the message when `client_id` is missing.
    /// - Throws: `MissingClientIDError`, or `APIBaseURLError` for a base URL the client refuses.
    public init(settings: PunchPlaySettings, configurationFile: String, deviceID: String? = nil) throws {
        self.init(
            clientID: try settings.requireClientID(configurationFile: configurationFile),
            clientSecret: settings.clientSecret.map(Secret.init),
            baseURL: try APIBaseURL(settings.apiBaseURL),
            deviceName: settings.deviceName,
            deviceID: deviceID,
            clientVersion: AgentVersion.current
        )
    }
}
