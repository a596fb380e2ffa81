import Agent

/// The `client_id` a command logs in with and where it comes from (the configuration or built in by the
/// distributor), as `status` shows it: a line of text, and `{"id", "source"}` in `--json`.
struct ClientIDStatus: Encodable {
    var id: String
    var source: ClientIDSource
    /// The line `status` prints after `Client id:`.
    var summary: String

    init(settings: PunchPlaySettings, configurationFile: String) {
        id = settings.effectiveClientID ?? ""
        source = settings.clientIDSource
        summary = settings.clientIDSummary(configurationFile: configurationFile)
    }

    enum CodingKeys: String, CodingKey {
        case id, source
    }
}
