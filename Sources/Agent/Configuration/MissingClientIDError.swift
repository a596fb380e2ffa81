/// Thrown by `PunchPlaySettings.requireClientID(configurationFile:)` when a command needs the app's
/// `client_id` and the configuration has none; says exactly what to add and where.
public struct MissingClientIDError: Error, Sendable, Equatable, CustomStringConvertible {
    public var configurationFile: String

    public var description: String {
        "No PunchPlay client_id is configured. Add it to \(configurationFile):\n\n"
            + "    [punchplay]\n    client_id = \"your-app-client-id\"\n\n"
            + "(`punchplay-mpris config example` prints a documented configuration.)"
    }
}
