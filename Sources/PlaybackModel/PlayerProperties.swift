/// The `org.mpris.MediaPlayer2.Player` properties the agent cares about. A nil field means "not part of this
/// snapshot or change", so the same type serves the full state read on appearance and each partial change.
public struct PlayerProperties: Sendable, Hashable {
    public var status: PlaybackStatus?
    public var metadata: TrackMetadata?
    /// `Position`, read from the player with `Properties.Get` right after a status or track change (players
    /// never send it in `PropertiesChanged`); nil when the player did not answer or does not support it.
    public var position: Duration?
    public var rate: Double?
    public var canSeek: Bool?

    public init(
        status: PlaybackStatus? = nil,
        metadata: TrackMetadata? = nil,
        position: Duration? = nil,
        rate: Double? = nil,
        canSeek: Bool? = nil
    ) {
        self.status = status
        self.metadata = metadata
        self.position = position
        self.rate = rate
        self.canSeek = canSeek
    }
}
