import Agent
import Foundation
import MPRIS
import PlaybackModel
import Scrobbling
import Testing

/// The configuration's per-player settings as the scrobbling core's policy, and the stable device id.
@Suite("runtime: policy and device id")
struct RuntimePolicyTests {
    static func player(_ name: String, identity: String? = nil) -> PlayerInfo {
        PlayerInfo(busName: "org.mpris.MediaPlayer2.\(name)", uniqueName: ":1.9", name: name, identity: identity)
    }

    @Test("unset enabled keeps the built-in choice; every other key reaches the policy")
    func mapping() throws {
        let directory = try ConfigurationTestDirectory()
        try directory.write(
            """
            [punchplay]
            send_full_path = true

            [defaults]
            settle_ms = 700
            progress_interval_seconds = 30
            watched_threshold = 0.8
            min_duration_seconds = 60
            media_type = "episode"
            ignore_titles = ["(?i)trailer"]
            ignore_urls = ["/Extras/"]
            send_filename = false

            [players.firefox]
            enabled = true

            [players.vlc]
            enabled = false
            """
        )
        let configuration = try directory.loader().load()
        let mpv = configuration.policy(for: Self.player("mpv"))
        #expect(mpv.isEnabled)
        #expect(mpv.settleWindow == .milliseconds(700))
        #expect(mpv.progressInterval == .seconds(30))
        #expect(mpv.watchedThreshold == 0.8)
        #expect(mpv.minimumDuration == .seconds(60))
        #expect(mpv.mediaTypeOverride == .episode)
        #expect(mpv.ignoredTitles.map(\.source) == ["(?i)trailer"])
        #expect(mpv.ignoredURLs.map(\.source) == ["/Extras/"])
        #expect(!mpv.sendsFilename)
        #expect(mpv.sendsFullPath)
        #expect(configuration.policy(for: Self.player("firefox")).isEnabled)
        #expect(!configuration.policy(for: Self.player("vlc")).isEnabled)
        #expect(!configuration.policy(for: Self.player("spotify")).isEnabled)
    }

    @Test("the device id is created once and then read back")
    func deviceID() throws {
        let directory = try ConfigurationTestDirectory()
        let state = directory.path + "/state/punchplay-mpris"
        let first = try DeviceIdentity.loadOrCreate(in: state)
        let second = try DeviceIdentity.loadOrCreate(in: state)
        #expect(first == second)
        #expect(UUID(uuidString: first) != nil)
        try Data("  custom-id\n".utf8).write(to: URL(fileURLWithPath: state + "/device-id"))
        #expect(try DeviceIdentity.loadOrCreate(in: state) == "custom-id")
    }
}
