import PlaybackModel
import PropertyBased
import Scrobbling
import Testing

/// For random, noisy observation sequences from two players (status flapping, partial and emptied metadata,
/// seeks, position reads, rate changes, vanishing, re-appearing, sleep and wake, pausing and resuming
/// reporting), every session reads `start (pause resume | progress)* pause? stop`, with strictly increasing
/// timestamps, nothing after its stop, and never two open sessions for one player; while reporting is paused
/// until resumed nothing at all is reported.
@Suite("session grammar properties")
struct SessionGrammarPropertyTests {
    /// One random input: which player, how long after the previous one, what happens, and a number for it.
    struct RandomStep: Sendable, CustomStringConvertible {
        var player: Int
        var delay: Double
        var action: Int
        var value: Int

        var description: String { "p\(player)+\(delay)s:a\(action)(\(value))" }
    }

    static let steps = zip(
        Gen.int(in: 0...1),
        Gen.int(in: 0...44),
        Gen.int(in: 0...16),
        Gen.int(in: 0...700)
    )
    .map { player, delay, action, value in
        RandomStep(
            player: player,
            delay: delay < 35 ? Double(delay) / 10 : Double(delay - 34) * 20,
            action: action,
            value: value
        )
    }
    .array(of: 1...80)

    static let players = [Fixtures.mpv, Fixtures.vlc]

    /// Each player has its own items, so an event's title tells which player it came from.
    static func item(_ index: Int, player: Int) -> TrackMetadata {
        let lengths: [Double] = [10, 7, 1]
        return Fixtures.item("p\(player)-item\(index).mkv", minutes: lengths[index], trackID: "/\(index)")
    }

    /// The input of `step` at `time` seconds into the run.
    static func input(for step: RandomStep, at time: Double) -> ScrobblerInput {
        let info = players[step.player]
        let position = Duration.seconds(step.value)
        let change: PlayerProperties
        switch step.action {
        case 0: change = PlayerProperties(status: .playing, position: step.value.isMultiple(of: 2) ? position : nil)
        case 1: change = PlayerProperties(status: .paused, position: position)
        case 2: change = PlayerProperties(status: .stopped)
        case 3, 4, 5:
            change = PlayerProperties(metadata: item(step.action - 3, player: step.player), position: .zero)
        case 6:
            change = PlayerProperties(
                metadata: step.value.isMultiple(of: 2) ? TrackMetadata() : TrackMetadata(trackID: "/noplaylist"))
        case 7: return .observation(.seeked(busName: info.busName, position: position))
        case 8: change = PlayerProperties(position: position)
        case 9: return .observation(.vanished(busName: info.busName))
        case 10:
            let statuses: [PlaybackStatus] = [.playing, .paused, .stopped]
            let properties = PlayerProperties(
                status: statuses[step.value % 3],
                metadata: item(step.value % 3, player: step.player),
                position: position,
                rate: 1
            )
            return .observation(.appeared(info, properties))
        case 11: return .sleep
        case 12: return .wake
        case 13: change = PlayerProperties(rate: [1, 1.5, 2, 0.5][step.value % 4])
        case 15:
            // Until resumed, or for up to 300 s of wall-clock time; some ends have passed already.
            let end = ScriptedRun.moment(.seconds(time + Double(step.value - 100) / 2)).wallClockMillis
            return .pauseReporting(untilWallClockMillis: step.value.isMultiple(of: 5) ? nil : end)
        case 16: return .resumeReporting
        default: change = PlayerProperties(status: nil, position: position)
        }
        return .observation(.changed(busName: info.busName, change))
    }

    @Test("every session is start (pause resume | progress)* pause? stop, one open session per player")
    func sessionGrammar() async {
        var runsWithSessions = 0
        await propertyCheck(count: 400, input: Self.steps) { steps in
            var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 15))
            var time = 0.0
            // The number of events when reporting was paused until resumed, while it is.
            var eventsWhenPausedUntilResumed: Int?
            for step in steps {
                time += step.delay
                let input = Self.input(for: step, at: time)
                run.send(input, at: time)
                switch input {
                case .pauseReporting(untilWallClockMillis: .none):
                    eventsWhenPausedUntilResumed = eventsWhenPausedUntilResumed ?? run.events.count
                case .pauseReporting, .resumeReporting:
                    if let count = eventsWhenPausedUntilResumed {
                        #expect(run.events.count == count, "an event while reporting was paused")
                    }
                    eventsWhenPausedUntilResumed = nil
                default:
                    break
                }
            }
            run.send(.shutdown, at: time + 100)
            if let count = eventsWhenPausedUntilResumed {
                #expect(run.events.count == count, "an event while reporting was paused")
            }
            Self.checkGrammar(run.events)
            if run.events.contains(where: { $0.action == .stop }) { runsWithSessions += 1 }
        }
        #expect(runsWithSessions >= 100, "the generator must produce sessions often enough to test anything")
    }

    @Test("status flapping that returns to where it began within the settle window produces no event")
    func flappingIsSilent() async {
        let flips = Gen.int(in: 1...100).array(of: 1...12)
        await propertyCheck(count: 200, input: flips, Gen.bool) { gapsInMilliseconds, startsPaused in
            var run = ScriptedRun(policy: Fixtures.policy(progressSeconds: 1000))
            let mpv = Fixtures.mpv
            let initial: PlaybackStatus = startsPaused ? .paused : .playing
            let other: PlaybackStatus = startsPaused ? .playing : .paused
            run.appear(mpv, PlayerProperties(status: .playing, metadata: Fixtures.item("a.mkv"), rate: 1), at: 0)
            run.change(mpv, PlayerProperties(status: initial), at: 10)
            run.wait(until: 20)
            let before = run.events.count
            var time = 30.0
            var status = initial
            // At most 12 gaps of up to 100 ms: the whole burst stays inside the 1.5 s window.
            for gap in gapsInMilliseconds {
                time += Double(gap) / 1000
                status = status == initial ? other : initial
                run.change(mpv, PlayerProperties(status: status), at: time)
            }
            if status != initial {
                run.change(mpv, PlayerProperties(status: initial), at: time + 0.001)
            }
            run.wait(until: 100)
            #expect(run.events.count == before)
        }
    }

    private enum SessionState {
        case playing
        case paused
        case stopped
    }

    static func checkGrammar(_ events: [PlaybackEvent]) {
        var sessions: [String: SessionState] = [:]
        var lastCreatedAt: [String: Int64] = [:]
        var openSessionOfPlayer: [String: String] = [:]
        for event in events {
            let payload = event.payload
            let id = payload.playbackSessionID
            let player = String(payload.title?.prefix(2) ?? "")
            if let last = lastCreatedAt[id] {
                #expect(payload.eventCreatedAt > last, "timestamps must increase within a session")
            }
            lastCreatedAt[id] = payload.eventCreatedAt
            if let progress = payload.progress { #expect((0...1).contains(progress)) }
            if let position = payload.positionSeconds, let duration = payload.durationSeconds {
                #expect(position <= duration, "position beyond the duration")
            }
            switch (sessions[id], event.action) {
            case (nil, .start):
                #expect(openSessionOfPlayer[player] == nil, "two open sessions for player \(player)")
                openSessionOfPlayer[player] = id
                sessions[id] = .playing
            case (.playing, .progress): break
            case (.playing, .pause): sessions[id] = .paused
            case (.paused, .resume): sessions[id] = .playing
            case (.playing, .stop), (.paused, .stop):
                sessions[id] = .stopped
                openSessionOfPlayer[player] = nil
            default:
                Issue.record("\(event.action) not allowed in session state \(String(describing: sessions[id]))")
            }
        }
        #expect(sessions.values.allSatisfy { $0 == .stopped }, "every session ends with stop")
    }
}
