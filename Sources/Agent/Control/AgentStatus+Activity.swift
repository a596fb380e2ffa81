import Scrobbling

extension AgentStatus.PlayingItem {
    /// A player as the scrobbling core sees it, in the shape of the `Playing` property.
    init(activity: PlayerActivity) {
        let state: Reporting
        var reason: String?
        switch activity.state {
        case .reporting: state = .reporting
        case .settling: state = .settling
        case .reportingPaused: state = .paused
        case .notReported(let why):
            state = .notReported
            reason = why
        }
        self.init(
            busName: activity.busName,
            player: activity.playerName,
            status: activity.status?.rawValue ?? "Unknown",
            title: activity.title,
            kind: activity.mediaType?.rawValue,
            season: activity.season,
            episode: activity.episode,
            positionSeconds: activity.positionSeconds.map(Double.init),
            lengthSeconds: activity.lengthSeconds.map(Double.init),
            sessionID: activity.sessionID,
            state: state,
            reason: reason
        )
    }
}
