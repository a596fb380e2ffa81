/// Facts about this installation that every playback event carries (`device_id`, `client_version`).
public struct ScrobblingContext: Sendable, Hashable {
    public var deviceID: String?
    public var clientVersion: String?

    public init(deviceID: String?, clientVersion: String?) {
        self.deviceID = deviceID
        self.clientVersion = clientVersion
    }
}
