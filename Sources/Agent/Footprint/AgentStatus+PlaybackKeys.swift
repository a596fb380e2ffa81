extension AgentStatus {
    /// One key per player the status shows: which session, in which playback state, reported or not. What the
    /// memory trim watches for a change of what is playing; positions are left out, they change all the time.
    var playbackKeys: [String] {
        playing.map { [$0.busName, $0.sessionID ?? "", $0.status, $0.state.rawValue].joined(separator: "|") }
    }
}
