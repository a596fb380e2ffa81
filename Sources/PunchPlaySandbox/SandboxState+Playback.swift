import Foundation

/// Playback events, the state derived from them, and the live updates they cause.
extension SandboxState {
    // MARK: Playback

    func recordPlayback(action: String, body: PlaybackBody, rawBody: String, grant: AccessGrant)
        throws(SandboxAPIError) -> JSONValue
    {
        let source = configuration.app(clientID: grant.clientID)?.name ?? grant.clientID
        let outcome = try ledger.apply(
            action: action,
            body: body,
            rawBody: rawBody,
            userID: grant.userID,
            mediaSource: source,
            now: now,
            defaultThreshold: configuration.defaultWatchedThreshold
        )
        if outcome.changed {
            publishUpdate(userID: grant.userID)
        }
        return outcome.response
    }

    func nowPlaying(userID: String) -> JSONValue {
        ledger.nowPlaying(userID: userID)
    }

    func inProgress(userID: String) -> JSONValue {
        ledger.inProgress(userID: userID)
    }

    func acceptedEvents(sessionID: String?) -> [AcceptedEvent] {
        ledger.events.filter { sessionID == nil || $0.sessionID == sessionID }
    }

    func watchHistory() -> [WatchRecord] {
        ledger.watches
    }

    private func publishUpdate(userID: String) {
        let sequence = (updateSequence[userID] ?? 0) + 1
        updateSequence[userID] = sequence
        let payload: JSONValue = [
            "emittedAt": .string(now.formatted(.iso8601WithMilliseconds)),
            "sequence": .integer(Int64(sequence)),
            "userId": .string(userID),
        ]
        for subscriber in updateSubscribers.values where subscriber.userID == userID {
            subscriber.continuation.yield(.update(payload))
        }
    }

}
