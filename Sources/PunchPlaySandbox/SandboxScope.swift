/// The scope names of the contract (§1), so tests and the server spell them one way.
public enum SandboxScope {
    /// Sending playback events.
    public static let playbackWrite = "playback:write"
    /// Reading now-playing and in-progress.
    public static let playbackRead = "playback:read"
    /// The live event stream.
    public static let eventsRead = "events:read"
    /// `GET /me`.
    public static let profileRead = "profile:read"
    /// The four scopes the agent needs, in the contract's order.
    public static let all = [playbackWrite, playbackRead, eventsRead, profileRead]
}
