import Testing

@testable import DBus

/// When a connection reads its socket: at once in normal use, in paused batches while a sender floods the bus.
@Suite("Reading a flood in batches")
struct ReadPacingTests {
    static let millisecond: UInt64 = 1_000_000

    @Test("a message every millisecond, more than any player sends in normal use, never pauses")
    func steadyReadsNeverPause() {
        var pacing = ReadPacing()
        for read in 0..<1000 {
            #expect(pacing.pauseAfterRead(at: UInt64(read) * Self.millisecond, messages: 1) == nil)
        }
        #expect(!pacing.isFlooded)
    }

    @Test("bursts of a track change's messages a few times a second never pause")
    func shortBurstsNeverPause() {
        var pacing = ReadPacing()
        var now: UInt64 = 0
        for _ in 0..<50 {
            for _ in 0..<20 {
                #expect(pacing.pauseAfterRead(at: now, messages: 1) == nil)
                now += 10_000
            }
            now += 200 * Self.millisecond
        }
    }

    @Test("ten thousand messages a second start pausing once a flood's worth has come within the window")
    func floodPauses() {
        var pacing = ReadPacing()
        var now: UInt64 = 0
        for _ in 0..<(ReadPacing.floodMessages - 1) {
            #expect(pacing.pauseAfterRead(at: now, messages: 1) == nil)
            now += 100_000
        }
        #expect(pacing.pauseAfterRead(at: now, messages: 1) == ReadPacing.pause)
        #expect(pacing.isFlooded)
        for _ in 0..<100 {  // then one read a pause, each finding the pause's fifty messages
            now += ReadPacing.pause
            #expect(pacing.pauseAfterRead(at: now, messages: 50) == ReadPacing.pause)
        }
    }

    @Test("during a flood, a read that stopped at its share with more waiting is followed at once")
    func aReadThatLeftMoreNeverPauses() {
        var pacing = ReadPacing()
        var now: UInt64 = 0
        #expect(pacing.pauseAfterRead(at: now, messages: ReadPacing.floodMessages) == ReadPacing.pause)
        now += ReadPacing.pause
        #expect(pacing.pauseAfterRead(at: now, messages: 500, emptiedSocket: false) == nil)
        #expect(pacing.isFlooded)
        now += Self.millisecond
        #expect(pacing.pauseAfterRead(at: now, messages: 20) == ReadPacing.pause, "the socket emptied: paced again")
    }

    @Test("the flood ends when the rate falls, and a new one needs a flood's worth again")
    func floodEnds() {
        var pacing = ReadPacing()
        var now: UInt64 = 0
        #expect(pacing.pauseAfterRead(at: now, messages: ReadPacing.floodMessages) == ReadPacing.pause)
        now += ReadPacing.window + 1
        #expect(pacing.pauseAfterRead(at: now, messages: 1) == nil)
        #expect(!pacing.isFlooded)
        now += Self.millisecond
        #expect(pacing.pauseAfterRead(at: now, messages: ReadPacing.floodMessages - 2) == nil)
        now += Self.millisecond
        #expect(pacing.pauseAfterRead(at: now, messages: 1) == ReadPacing.pause)
    }
}
