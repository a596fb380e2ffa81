import ArgumentParser
import DBus
import MPRISTestSupport
import PlaybackModel
import PunchPlaySandbox

/// Flood: a broken player announcing `PropertiesChanged` 10,000 times a second for 10 s while it plays a film,
/// against the release agent with its default settings. What a real broken player sends: mostly its unchanged
/// state again and again (`Metadata`, `PlaybackStatus`, `Rate`, as players that re-announce on every frame or
/// timer tick do) and `Position` inside `PropertiesChanged` (which the spec forbids, and some players send), with
/// a `Paused`/`Playing` flap every 100 signals (a buffering storm: 100 flaps a second that never hold for the
/// settle window). It ends `Playing`, as it started, so nothing needs reporting beyond the open session.
/// Targets: RSS growth under 5 MB, at most 3 events to the service, one session.
struct FloodBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flood",
        abstract: "A player sending 10,000 PropertiesChanged a second: agent CPU, peak RSS and events sent."
    )

    @Option(help: "Runs, each with a fresh agent and player.")
    var runs = 3

    @Option(help: "Signals a second.")
    var rate = 10_000

    @Option(help: "Seconds of flood.")
    var seconds = 10

    @Option(help: "Seconds measured after the flood, for the agent to settle and catch up.")
    var calmSeconds = 5

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1.") }
        guard rate >= 100 else { throw ValidationError("--rate must be at least 100.") }
        guard seconds >= 1 else { throw ValidationError("--seconds must be at least 1.") }
        guard calmSeconds >= 0 else { throw ValidationError("--calm-seconds must be 0 or more.") }
    }

    /// One run's figures.
    private struct Outcome {
        var flood: ProcessCost
        var calm: ProcessCost
        var achievedRate: Double
        var actions: [String]
        var sessions: Int
    }

    func run() async throws {
        var outcomes: [Outcome] = []
        try await BenchWorld.with { world in
            for _ in 0..<runs {
                outcomes.append(try await measureOnce(in: world))
            }
        }
        print("flood: \(runs) runs of \(seconds) s at \(rate) signals/s, then \(calmSeconds) s calm; default settings")
        print(
            "flood signals sent in the flood's seconds: \(RunStatistics.summary(outcomes.map(\.achievedRate), unit: "/s"))"
        )
        print("flood: the measured flood period ends when the bus has passed the last signal on")
        CostReport.print("flood, during the flood,", outcomes.map(\.flood))
        CostReport.print("flood, after the flood,", outcomes.map(\.calm))
        let growth = outcomes.map { Double($0.calm.endResidentKiB - $0.flood.startResidentKiB) / 1024 }
        print("flood RSS growth, before flood to end of calm: \(RunStatistics.summary(growth, unit: "MiB"))")
        let peakGrowth = outcomes.map(\.flood.peakGrowthMiB)
        print("flood peak RSS above the start: \(RunStatistics.summary(peakGrowth, unit: "MiB"))")
        for (index, outcome) in outcomes.enumerated() {
            let actions = outcome.actions.isEmpty ? "none" : outcome.actions.joined(separator: ", ")
            print(
                "flood run \(index + 1): events sent during flood and calm: \(outcome.actions.count) (\(actions)); "
                    + "sessions at the service: \(outcome.sessions)"
            )
        }
    }

    private func measureOnce(in world: BenchWorld) async throws -> Outcome {
        let film = BenchFilms.metadata(1)
        let player = try await FakePlayer.start(on: world.bus.address, name: "mpv", identity: "mpv")
        try await player.setMetadata(film)
        try await player.setStatus(.playing)
        let agent = try await BenchAgent.start(in: world)
        do {
            let start = try await world.nextPlaybackRequest("start")
            let before = await world.playbackRequests().count
            var sent = 0
            let flood = try await ProcessCost.measure(pid: agent.process.pid) {
                sent = try await emit(film, from: player)
            }
            let calm = try await ProcessCost.measure(pid: agent.process.pid) {
                try await Task.sleep(for: .seconds(calmSeconds))
            }
            let requests = await world.playbackRequests().dropFirst(before)
            let actions = requests.map { String($0.path.dropFirst(BenchWorld.playbackPath.count)) }
            let sessions = Set(
                await world.sandbox.acceptedEvents().filter { $0.receivedAt >= start.receivedAt }.map(\.sessionID))
            await agent.stop()
            await player.vanish()
            return Outcome(
                flood: flood,
                calm: calm,
                achievedRate: Double(sent) / Double(seconds),
                actions: actions,
                sessions: sessions.count
            )
        } catch {
            await agent.stop()
            await player.vanish()
            throw error
        }
    }

    /// Sends the flood in 10 ms slices, each catching up to `rate` × elapsed time; returns how many signals
    /// were sent. The player's served properties change with them, so its answers to `Get` stay truthful.
    private func emit(_ film: FakeMetadata, from player: FakePlayer) async throws -> Int {
        let clock = ContinuousClock()
        let start = clock.now
        let end = start + .seconds(seconds)
        let connection = player.connection
        var sent = 0
        while clock.now < end {
            let elapsed = clock.now - start
            let due = Int(
                Double(rate) * elapsed.seconds)
            while sent < due {
                try await connection.setProperties(
                    Self.signal(sent, film: film), interface: "org.mpris.MediaPlayer2.Player",
                    path: "/org/mpris/MediaPlayer2")
                sent += 1
            }
            try await Task.sleep(until: clock.now + .milliseconds(10))
        }
        try await player.setStatus(.playing)
        return sent + 1
    }

    /// Signal `index` of the flood.
    private static func signal(_ index: Int, film: FakeMetadata) -> [String: DBusValue] {
        if index % 100 == 99 { return ["PlaybackStatus": .string("Paused")] }
        switch index % 4 {
        case 0: return ["Metadata": film.value]
        case 1: return ["Position": .int64(Int64(index) * 100)]
        case 2: return ["PlaybackStatus": .string("Playing")]
        default: return ["Rate": .double(1)]
        }
    }
}
