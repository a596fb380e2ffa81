import DBus
import PlaybackModel

extension PlayerProperties {
    /// Decodes `org.mpris.MediaPlayer2.Player` properties from a `GetAll` reply or a `PropertiesChanged`
    /// signal. Unknown properties are ignored; a property with a wrong type or a nonsense value (a status
    /// outside the specification, a negative position, a rate that is not a positive finite number) is left
    /// out, as if the player had not sent it.
    public init(decoding properties: [String: DBusValue]) {
        self.init(
            status: properties["PlaybackStatus"]?.text.flatMap(PlaybackStatus.init(rawValue:)),
            metadata: properties["Metadata"].flatMap(TrackMetadata.init(decoding:)),
            position: properties["Position"]?.microseconds,
            rate: properties["Rate"]?.asDouble.flatMap { $0.isFinite && $0 > 0 ? $0 : nil },
            canSeek: properties["CanSeek"]?.asBool
        )
    }

    /// True when no field is set: a change that carried nothing the agent uses.
    public var isEmpty: Bool {
        status == nil && metadata == nil && position == nil && rate == nil && canSeek == nil
    }
}
