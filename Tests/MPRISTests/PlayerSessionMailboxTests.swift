import DBus
import PlaybackModel
import Testing

@testable import MPRIS

/// A flooding player: once many inputs wait, property changes fold into one and so do seeks, so memory stays
/// bounded; below that, every input is kept as it came.
@Suite("player session mailbox")
struct PlayerSessionMailboxTests {
    static func status(_ value: String) -> PlayerSessionInput {
        .propertiesChanged(["PlaybackStatus": .string(value)], invalidated: [])
    }

    @Test("a few inputs are kept one by one, in order")
    func keptBelowPressure() async {
        let mailbox = PlayerSessionMailbox()
        await mailbox.post([Self.status("Playing")])
        await mailbox.post([Self.status("Paused")])
        await mailbox.post([.seeked(.int64(1))])
        await mailbox.post([.seeked(.int64(2))])
        let batch = await mailbox.take()
        #expect(batch.count == 4)
        guard case .propertiesChanged(let values, _) = batch[1] else {
            Issue.record("expected the second change, got \(batch[1])")
            return
        }
        #expect(values["PlaybackStatus"] == .string("Paused"))
    }

    @Test("10,000 changes waiting fold to a bounded list whose last change carries the latest values")
    func foldedUnderPressure() async {
        let mailbox = PlayerSessionMailbox()
        await mailbox.post([.owned(by: ":1.7")])
        for index in 0..<10_000 {
            await mailbox.post([Self.status(index.isMultiple(of: 2) ? "Playing" : "Paused")])
            if index == 5_000 {
                await mailbox.post([.propertiesChanged(["Rate": .double(2)], invalidated: ["Metadata"])])
            }
        }
        #expect(await mailbox.count <= PlayerSessionMailbox.pressure + 1)
        let batch = await mailbox.take()
        guard case .owned(let owner) = batch.first else {
            Issue.record("the first input is not kept: \(String(describing: batch.first))")
            return
        }
        #expect(owner == ":1.7")
        guard case .propertiesChanged(let values, let invalidated) = batch.last else {
            Issue.record("the last input is not a change: \(String(describing: batch.last))")
            return
        }
        #expect(values["PlaybackStatus"] == .string("Paused"))
        #expect(values["Rate"] == .double(2))
        #expect(invalidated == ["Metadata"])
    }

    @Test("a value invalidated later is not kept; a seek under pressure keeps only the latest position")
    func invalidationAndSeeks() {
        let change = PlayerSessionInput.propertiesChanged(["Metadata": .string("old")], invalidated: [])
        let folded = change.folding(.propertiesChanged([:], invalidated: ["Metadata"]))
        guard case .propertiesChanged(let values, let invalidated) = folded else {
            Issue.record("not folded: \(String(describing: folded))")
            return
        }
        #expect(values.isEmpty)
        #expect(invalidated == ["Metadata"])
        guard case .seeked(let position) = PlayerSessionInput.seeked(.int64(1)).folding(.seeked(.int64(9))) else {
            Issue.record("seeks not folded")
            return
        }
        #expect(position == .int64(9))
        #expect(PlayerSessionInput.released.folding(Self.status("Playing")) == nil)
    }

    @Test("a batch carries when its newest input arrived, also once folded, and the next batch starts anew")
    func newestArrival() async {
        let mailbox = PlayerSessionMailbox()
        await mailbox.post([.owned(by: ":1.7")], arrivedAt: .milliseconds(5))
        for index in 0..<200 {
            await mailbox.post([Self.status("Playing")], arrivedAt: .milliseconds(10 + index))
        }
        let folded = await mailbox.takeBatch()
        #expect(folded.inputs.count <= PlayerSessionMailbox.pressure + 1)
        #expect(folded.arrivedAt == .milliseconds(209))
        await mailbox.post([.seeked(.int64(1))])
        #expect(await mailbox.takeBatch().arrivedAt == nil)
    }

    @Test("closing hands over what is left, then empty batches")
    func closing() async {
        let mailbox = PlayerSessionMailbox()
        await mailbox.post([.released])
        await mailbox.close()
        #expect(await mailbox.take().count == 1)
        #expect(await mailbox.take().isEmpty)
    }
}
