import MediaIdentity
import PlaybackModel
import Scrobbling

/// Players, items and a predictable identifier for scripted scenarios.
enum Fixtures {
    static let context = ScrobblingContext(deviceID: "device-1", clientVersion: "test-1.0")

    static func player(_ name: String, busName: String? = nil, isMirror: Bool = false) -> PlayerInfo {
        PlayerInfo(
            busName: busName ?? "org.mpris.MediaPlayer2.\(name)",
            uniqueName: ":1.\(name.count)",
            name: name,
            isMirror: isMirror
        )
    }

    /// Default policies, with `progress` every `progressSeconds` so long scenarios stay readable.
    static func policy(progressSeconds: Int64) -> @Sendable (PlayerInfo) -> PlayerPolicy {
        { info in
            var policy = PlayerPolicy.defaults(for: info)
            policy.progressInterval = .seconds(progressSeconds)
            return policy
        }
    }

    static let mpv = player("mpv")
    static let vlc = player("vlc")
    static let celluloid = player("celluloid", busName: "org.mpris.MediaPlayer2.celluloid.instance-1")
    static let smplayer = player("smplayer")

    /// Full metadata of a local file, as a player sends it.
    static func item(
        _ file: String,
        title: String? = nil,
        minutes: Double? = 10,
        trackID: String = "/0"
    ) -> TrackMetadata {
        TrackMetadata(
            trackID: trackID,
            title: title ?? file,
            url: "file:///media/videos/\(file)",
            length: minutes.map { .milliseconds(Int64($0 * 60_000)) }
        )
    }

    /// Every item is a movie titled like its title (or file name) without extension, except names that
    /// contain "song", which are not media.
    @Sendable static func identify(_ hints: MediaHints) -> IdentificationResult {
        let name = hints.title ?? hints.url?.split(separator: "/").last.map(String.init) ?? "?"
        if name.lowercased().contains("song") { return .notMedia(reason: "looks like music") }
        let title = name.split(separator: ".").first.map(String.init) ?? name
        return .media(Identification(mediaType: .movie, title: title, confidence: 1, reasons: ["fixture"]))
    }
}
