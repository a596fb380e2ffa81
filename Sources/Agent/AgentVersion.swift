/// The agent's version, sent as `client_version` and in the `User-Agent` (`punchplay-mpris/VERSION`).
public enum AgentVersion {
    public static let current = "0.1.0"
}
