import DBus
import MPRIS
import PlaybackModel
import TestSupport

/// A scriptable MPRIS player on its own bus connection, for tests of everything that watches players: it
/// serves `org.mpris.MediaPlayer2` and `.Player` with their properties, and a test sets its state, emits
/// `Seeked`, and makes it misbehave the ways real players do (split or duplicate signals, wrong types, huge
/// strings, dropping its name, vanishing). Every method that emits a signal makes one round trip to the bus
/// afterwards, so when it returns the bus has already passed the signal on to every subscriber.
public actor FakePlayer {
    /// The player's well-known name, e.g. `org.mpris.MediaPlayer2.fake`.
    public nonisolated let busName: String
    /// The player's own connection.
    public nonisolated let connection: DBusConnection
    /// The unique name the player's signals come from.
    public nonisolated let uniqueName: String

    static let path = "/org/mpris/MediaPlayer2"
    private static let rootInterface = "org.mpris.MediaPlayer2"
    static let playerInterface = "org.mpris.MediaPlayer2.Player"

    /// Connects to the bus at `address`, exports the player with `properties` (Player interface; defaults to a
    /// stopped player with no track) and takes `busName`.
    ///
    /// - Parameters:
    ///   - name: the part after `org.mpris.MediaPlayer2.` (`vlc`, `mpv.instance42`).
    ///   - identity: the root interface's `Identity`; nil leaves it out.
    ///   - desktopEntry: the root interface's `DesktopEntry`; nil leaves it out.
    public static func start(
        on address: String,
        name: String = "fake",
        identity: String? = "Fake Player",
        desktopEntry: String? = "fake-player",
        properties: [String: DBusValue] = FakePlayer.stoppedProperties
    ) async throws -> FakePlayer {
        let connection = try await DBusConnection.connect(address: address)
        let player = FakePlayer(
            busName: MPRISBusName.namespacePrefix + name, connection: connection,
            uniqueName: await connection.uniqueName)
        try await player.export(identity: identity, desktopEntry: desktopEntry, properties: properties)
        try await player.takeName()
        return player
    }

    /// A stopped player with an empty track list, as players start.
    public static let stoppedProperties: [String: DBusValue] = [
        "PlaybackStatus": .string("Stopped"),
        "Metadata": FakeMetadata([:]).value,
        "Position": .int64(0),
        "Rate": .double(1),
        "CanSeek": .boolean(true),
        "CanPlay": .boolean(true),
        "CanPause": .boolean(true),
        "CanControl": .boolean(true),
    ]

    private init(busName: String, connection: DBusConnection, uniqueName: String) {
        self.busName = busName
        self.connection = connection
        self.uniqueName = uniqueName
    }

    private func export(identity: String?, desktopEntry: String?, properties: [String: DBusValue]) async throws {
        var rootProperties: [String: DBusValue] = ["CanQuit": .boolean(true), "CanRaise": .boolean(false)]
        if let identity { rootProperties["Identity"] = .string(identity) }
        if let desktopEntry { rootProperties["DesktopEntry"] = .string(desktopEntry) }
        try await connection.export(
            path: Self.path,
            interfaces: [
                DBusInterface(name: Self.rootInterface, properties: rootProperties),
                DBusInterface(name: Self.playerInterface, methods: playerMethods(), properties: properties),
            ]
        )
    }

    /// Play, Pause, PlayPause and Stop change the status as a player would; Seek and SetPosition move and emit
    /// `Seeked`.
    private nonisolated func playerMethods() -> [String: DBusMethodHandler] {
        [
            "Play": { _ in
                try await self.setStatus(.playing); return []
            },
            "Pause": { _ in
                try await self.setStatus(.paused); return []
            },
            "Stop": { _ in
                try await self.setStatus(.stopped); return []
            },
            "PlayPause": { _ in
                try await self.togglePlayPause(); return []
            },
            "SetPosition": { call in
                guard call.arguments.count == 2, case .int64(let microseconds) = call.arguments[1] else {
                    throw DBusError(.invalidArgs, "SetPosition takes (o, x)")
                }
                try await self.seek(to: .microseconds(microseconds))
                return []
            },
        ]
    }

    private func togglePlayPause() async throws {
        let status = await connection.exportedProperty(
            "PlaybackStatus", interface: Self.playerInterface, path: Self.path)
        try await setStatus(status == .string("Playing") ? .paused : .playing)
    }

    // MARK: Well-behaved changes

    /// Changes `PlaybackStatus` and announces it.
    public func setStatus(_ status: PlaybackStatus) async throws {
        try await setProperties(["PlaybackStatus": .string(status.rawValue)])
    }

    /// Changes `Metadata` and announces it.
    public func setMetadata(_ metadata: FakeMetadata) async throws {
        try await setProperties(["Metadata": metadata.value])
    }

    /// Changes `Rate` and announces it.
    public func setRate(_ rate: Double) async throws {
        try await setProperties(["Rate": .double(rate)])
    }

    /// Changes `Position` silently, as every real player does (it is never in `PropertiesChanged`).
    public func setPosition(_ position: Duration) async throws {
        try await setProperties(["Position": .int64(position.wholeMicroseconds)], announce: false)
    }

    /// Jumps to `position`: changes `Position` and emits `Seeked`.
    public func seek(to position: Duration) async throws {
        try await setPosition(position)
        try await emitSeeked(.int64(position.wholeMicroseconds))
    }

    // MARK: Raw signals and misbehaviour

    /// Changes any Player properties, of any type (wrong types included), and announces them in one
    /// `PropertiesChanged` unless `announce` is false.
    public func setProperties(_ values: [String: DBusValue], announce: Bool = true) async throws {
        try await connection.setProperties(
            values, interface: Self.playerInterface, path: Self.path, emitsChanged: announce)
        if announce { try await roundTrip() }
    }

    /// Emits a `PropertiesChanged` for the Player interface without changing the served values: for duplicate,
    /// stale or invalidating signals. `changed` may hold any types.
    public func emitPropertiesChanged(_ changed: [String: DBusValue], invalidated: [String] = []) async throws {
        let entries = changed.sorted { $0.key < $1.key }.map {
            DBusDictionaryEntry(key: .string($0.key), value: .variant($0.value))
        }
        try await emitRaw(
            interface: "org.freedesktop.DBus.Properties",
            member: "PropertiesChanged",
            arguments: [
                .string(Self.playerInterface),
                .dictionary(keySignature: "s", valueSignature: "v", entries),
                .array(elementSignature: "s", invalidated.map(DBusValue.string)),
            ]
        )
    }

    /// Emits `Seeked` with any argument (a wrong type included) without changing `Position`.
    public func emitSeeked(_ argument: DBusValue) async throws {
        try await emitRaw(interface: Self.playerInterface, member: "Seeked", arguments: [argument])
    }

    /// Emits any signal from the player's object path.
    public func emitRaw(interface: String, member: String, arguments: [DBusValue]) async throws {
        try await connection.emitSignal(path: Self.path, interface: interface, member: member, arguments: arguments)
        try await roundTrip()
    }

    /// Gives the well-known name back while staying connected, as mpDris2 once did.
    public func releaseName() async throws {
        _ = try await connection.releaseName(busName)
    }

    /// Takes the well-known name (again), allowing a later player to replace it.
    public func takeName() async throws {
        let reply = try await connection.requestName(
            busName, flags: [.allowReplacement, .replaceExisting, .doNotQueue])
        guard reply == .primaryOwner || reply == .alreadyOwner else {
            throw TestSupportError("could not take \(busName): \(reply)")
        }
    }

    /// Closes the connection: the player vanishes without a word, like a crashed one.
    public func vanish() async {
        await connection.close()
    }

    /// One call to the bus and back: every signal sent before it has been passed on by the bus.
    private func roundTrip() async throws {
        _ = try await connection.nameOwner(of: "org.freedesktop.DBus")
    }

}
