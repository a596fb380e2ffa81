import MPRIS
import Testing

@Suite("MPRIS bus names")
struct MPRISBusNameTests {
    @Test(
        "stable player names drop the namespace and instance suffixes",
        arguments: [
            ("org.mpris.MediaPlayer2.mpv", "mpv", nil),
            ("org.mpris.MediaPlayer2.mpv.instance4242", "mpv", "instance4242"),
            ("org.mpris.MediaPlayer2.vlc.instance1234", "vlc", "instance1234"),
            ("org.mpris.MediaPlayer2.firefox.instance_1_23", "firefox", "instance_1_23"),
            ("org.mpris.MediaPlayer2.chromium.instance1234", "chromium", "instance1234"),
            (
                "org.mpris.MediaPlayer2.io.github.celluloid_player.Celluloid.instance-1",
                "io.github.celluloid_player.Celluloid", "instance-1"
            ),
            ("org.mpris.MediaPlayer2.instance1", "instance1", nil),
            ("org.mpris.MediaPlayer2.vlc.instances", "vlc.instances", nil),
            ("org.mpris.MediaPlayer2.vlc.instance", "vlc.instance", nil),
        ] as [(String, String, String?)]
    )
    func stableName(busName: String, playerName: String, instance: String?) throws {
        let name = try #require(MPRISBusName(busName))
        #expect(name.rawValue == busName)
        #expect(name.playerName == playerName)
        #expect(name.instance == instance)
        #expect(!name.isMirror)
    }

    @Test(
        "names outside the namespace or breaking the D-Bus rules are not players",
        arguments: [
            "org.freedesktop.DBus", ":1.42", "org.mpris.MediaPlayer2", "org.mpris.MediaPlayer2.",
            "org.mpris.MediaPlayer2..vlc", "org.mpris.MediaPlayer2.vlc.", "org.mpris.MediaPlayer2.1vlc",
            "org.mpris.MediaPlayer2.vl c", "org.mpris.MediaPlayer2.vlé",
            "org.mpris.MediaPlayer2." + String(repeating: "a", count: 300), "org.mpris.mediaplayer2.vlc",
        ]
    )
    func rejected(busName: String) {
        #expect(MPRISBusName(busName) == nil)
    }

    @Test(
        "mirrors are recognised so they are not counted twice",
        arguments: [
            "org.mpris.MediaPlayer2.playerctld", "org.mpris.MediaPlayer2.kdeconnect.mpris_000001",
            "org.mpris.MediaPlayer2.KDEConnect",
        ]
    )
    func mirrors(busName: String) throws {
        #expect(try #require(MPRISBusName(busName)).isMirror)
    }
}
