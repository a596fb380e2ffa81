import Agent

/// What `--version` prints: the version alone on the first line (for scripts), then which `client_id` the binary
/// brings, since a packaged binary may carry its distributor's (the configuration's still wins).
enum VersionText {
    static var text: String {
        let clientID =
            BuiltInClientID.value.map {
                "\($0) (built in by the distributor; a client_id in the configuration overrides it)"
            }
            ?? "none built in (set client_id under [punchplay] in the configuration)"
        return "\(AgentVersion.current)\nclient id: \(clientID)"
    }
}
