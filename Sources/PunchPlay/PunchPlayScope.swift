/// The OAuth scopes this agent asks for (`shared/punchplay-api.md` §1): exactly these four.
public enum PunchPlayScope: String, Sendable, Hashable, CaseIterable, Codable {
    case playbackWrite = "playback:write"
    case playbackRead = "playback:read"
    case eventsRead = "events:read"
    case profileRead = "profile:read"

    /// The space-separated `scope` parameter for a device-code request.
    static var requestedParameter: String {
        allCases.map(\.rawValue).joined(separator: " ")
    }
}
