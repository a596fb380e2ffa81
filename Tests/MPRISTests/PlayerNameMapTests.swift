import MPRIS
import Testing

@Suite("Player name map")
struct PlayerNameMapTests {
    let mpv = MPRISBusName("org.mpris.MediaPlayer2.mpv")!
    let vlc = MPRISBusName("org.mpris.MediaPlayer2.vlc")!

    @Test("a name appears, is looked up both ways, and vanishes")
    func appearAndVanish() {
        var map = PlayerNameMap()
        #expect(map.setOwner(":1.10", of: mpv) == .appeared)
        #expect(map.owner(of: mpv) == ":1.10")
        #expect(map.busNames(ownedBy: ":1.10") == [mpv])
        #expect(map.setOwner(":1.10", of: mpv) == .unchanged)
        #expect(map.setOwner("", of: mpv) == .vanished(previousOwner: ":1.10"))
        #expect(map.owner(of: mpv) == nil)
        #expect(map.busNames(ownedBy: ":1.10").isEmpty)
        #expect(map.busNames.isEmpty)
    }

    @Test("a connection that drops its name and retakes it under a new connection is tracked")
    func retake() {
        var map = PlayerNameMap()
        map.setOwner(":1.10", of: mpv)
        #expect(map.setOwner(nil, of: mpv) == .vanished(previousOwner: ":1.10"))
        #expect(map.setOwner(":1.11", of: mpv) == .appeared)
        #expect(map.setOwner(":1.12", of: mpv) == .replaced(previousOwner: ":1.11"))
        #expect(map.busNames(ownedBy: ":1.11").isEmpty)
        #expect(map.busNames(ownedBy: ":1.12") == [mpv])
    }

    @Test("one connection may own several player names")
    func severalNames() {
        var map = PlayerNameMap()
        map.setOwner(":1.10", of: vlc)
        map.setOwner(":1.10", of: mpv)
        #expect(map.busNames(ownedBy: ":1.10") == [mpv, vlc])
        map.setOwner(nil, of: vlc)
        #expect(map.busNames(ownedBy: ":1.10") == [mpv])
        #expect(map.setOwner(nil, of: vlc) == .unchanged)
    }
}
