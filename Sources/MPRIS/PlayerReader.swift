import DBus
import PlaybackModel

/// The reads the observer makes from a player, each bounded by a timeout so a player that never answers
/// costs a missing field, never a stuck observer. Reads go to the player's unique name, so a reply always
/// comes from the connection the observer knows about, not from whoever owns the name by then.
struct PlayerReader: Sendable {
    let connection: DBusConnection
    let timeout: Duration

    /// `Identity` and `DesktopEntry` from the root interface; nil fields when the player does not answer.
    func info(of busName: MPRISBusName, owner: String) async -> PlayerInfo {
        let root = try? await connection.getAllProperties(
            destination: owner,
            path: MPRISPaths.objectPath,
            interface: MPRISPaths.rootInterface,
            timeout: timeout
        )
        return PlayerInfo(
            busName: busName.rawValue,
            uniqueName: owner,
            name: busName.playerName,
            identity: root?["Identity"]?.boundedText,
            desktopEntry: root?["DesktopEntry"]?.boundedText,
            isMirror: busName.isMirror
        )
    }

    /// Every Player property the agent uses, `Position` included. When `GetAll` fails with an error (some
    /// players fail it because one property does), the properties are read one by one; when it times out,
    /// the player is not asked again and the snapshot is empty.
    func properties(of owner: String) async -> PlayerProperties {
        do {
            return PlayerProperties(
                decoding: try await connection.getAllProperties(
                    destination: owner,
                    path: MPRISPaths.objectPath,
                    interface: MPRISPaths.playerInterface,
                    timeout: timeout
                )
            )
        } catch let error where Self.playerIsUnresponsive(error) {
            return PlayerProperties()
        } catch {
            var values: [String: DBusValue] = [:]
            for name in ["PlaybackStatus", "Metadata", "Position", "Rate", "CanSeek"] {
                values[name] = await property(name, of: owner)
            }
            return PlayerProperties(decoding: values)
        }
    }

    /// `Position`, read fresh; nil when the player does not answer or sends nonsense.
    func position(of owner: String) async -> Duration? {
        await property("Position", of: owner)?.microseconds
    }

    /// `PlaybackStatus`, read fresh; nil when the player does not answer or sends nonsense.
    func status(of owner: String) async -> PlaybackStatus? {
        await property("PlaybackStatus", of: owner)?.text.flatMap(PlaybackStatus.init(rawValue:))
    }

    /// One Player property, or nil when the player does not answer.
    func property(_ name: String, of owner: String) async -> DBusValue? {
        try? await connection.getProperty(
            destination: owner,
            path: MPRISPaths.objectPath,
            interface: MPRISPaths.playerInterface,
            name: name,
            timeout: timeout
        )
    }

    /// Timeouts and vanished peers: asking again would only wait again.
    private static func playerIsUnresponsive(_ error: any Error) -> Bool {
        guard let error = error as? DBusError else { return false }
        return [.timeout, .noReply, .disconnected, .serviceUnknown, .nameHasNoOwner].contains(error.name)
    }
}
