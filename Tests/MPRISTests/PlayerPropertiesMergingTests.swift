import PlaybackModel
import Testing

@testable import MPRIS

@Suite("Merging property changes")
struct PlayerPropertiesMergingTests {
    @Test("only fields that differ from the snapshot come out")
    func onlyChanges() {
        var snapshot = PlayerProperties(status: .playing, metadata: TrackMetadata(title: "A"), rate: 1, canSeek: true)
        let changes = snapshot.merge(
            PlayerProperties(status: .playing, metadata: TrackMetadata(title: "B"), rate: 1, canSeek: false)
        )
        #expect(changes == PlayerProperties(metadata: TrackMetadata(title: "B"), canSeek: false))
        #expect(
            snapshot == PlayerProperties(status: .playing, metadata: TrackMetadata(title: "B"), rate: 1, canSeek: false)
        )
    }

    @Test("a duplicate change is empty the second time")
    func duplicate() {
        var snapshot = PlayerProperties()
        let change = PlayerProperties(status: .paused, metadata: TrackMetadata(title: "A"), rate: 2)
        #expect(snapshot.merge(change) == change)
        #expect(snapshot.merge(change).isEmpty)
    }

    @Test("positions are never merged")
    func position() {
        var snapshot = PlayerProperties()
        #expect(snapshot.merge(PlayerProperties(position: .seconds(3))).isEmpty)
        #expect(snapshot.position == nil)
    }
}
