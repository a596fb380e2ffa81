import PlaybackModel

extension PlayerProperties {
    /// Applies `incoming` to this snapshot and returns only what really changed, so duplicate and re-sent
    /// signals (mpDris2 re-sends unchanged `Metadata` on every action, Spotify sends each change twice) do not
    /// reach the core as changes. `position` is not merged: it changes all the time and is passed through by
    /// the caller when freshly read.
    mutating func merge(_ incoming: PlayerProperties) -> PlayerProperties {
        var changes = PlayerProperties()
        if let status = incoming.status, status != self.status {
            self.status = status
            changes.status = status
        }
        if let metadata = incoming.metadata, metadata != self.metadata {
            self.metadata = metadata
            changes.metadata = metadata
        }
        if let rate = incoming.rate, rate != self.rate {
            self.rate = rate
            changes.rate = rate
        }
        if let canSeek = incoming.canSeek, canSeek != self.canSeek {
            self.canSeek = canSeek
            changes.canSeek = canSeek
        }
        return changes
    }
}
