import MediaIdentity

extension PlayerTracker {
    /// The player for the live view: the session's identification while the player shows its item, else what
    /// the item on screen is identified as; the position as last anchored, not extrapolated.
    func activity(environment: TrackerEnvironment, reportingPaused: Bool) -> PlayerActivity {
        let identification: Identification?
        if showsSessionItem {
            identification = session?.identification
        } else if metadata.itemKey != nil, case .media(let identified) = identifyItem(environment: environment) {
            identification = identified
        } else {
            identification = nil
        }
        let lastKnown = metadata.knownLength.map { min(position.anchor, $0) } ?? position.anchor
        return PlayerActivity(
            busName: busName,
            playerName: info.name,
            identity: info.identity,
            status: status,
            title: identification?.title,
            mediaType: identification?.mediaType,
            season: identification?.season,
            episode: identification?.episode,
            positionSeconds: lastKnown.wholeSeconds,
            lengthSeconds: metadata.knownLength?.wholeSeconds,
            sessionID: session?.id,
            state: activityState(environment: environment, reportingPaused: reportingPaused)
        )
    }

    private func activityState(environment: TrackerEnvironment, reportingPaused: Bool) -> PlayerActivity.State {
        if reportingPaused { return .reportingPaused }
        if session != nil { return .reporting }
        if isAsleep { return .notReported(reason: "the machine is asleep") }
        if unsettledSince != nil { return .settling }
        guard status == .playing else { return .notReported(reason: "not playing") }
        guard metadata.itemKey != nil else { return .notReported(reason: Self.namesNoItem) }
        return .notReported(reason: admission(environment: environment).reason ?? "no session open")
    }
}
