import ArgumentParser
import MPRISTestSupport
import PlaybackModel

/// Scale: 50 players at once, each playing a different film, against one release agent. The agent's cost with
/// them is compared with its own cost before they appeared (the idle baseline of the same process), and the
/// difference divided by the number of players. Also checks that the agent opened a session for each.
struct ScaleBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale",
        abstract: "CPU and RSS of the release agent per player, with 50 players each playing a different film."
    )

    @Option(help: "Runs, each with a fresh agent and players.")
    var runs = 3

    @Option(help: "Players playing at once.")
    var players = 50

    @Option(help: "Seconds measured without players, and again with them all playing.")
    var seconds = 30

    @Option(help: "Seconds the agent runs before the baseline is measured.")
    var warmupSeconds = 5

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1.") }
        guard players >= 1 else { throw ValidationError("--players must be at least 1.") }
        guard seconds >= 1 else { throw ValidationError("--seconds must be at least 1.") }
        guard warmupSeconds >= 0 else { throw ValidationError("--warmup-seconds must be 0 or more.") }
    }

    /// One run's figures.
    private struct Outcome {
        var baseline: ProcessCost
        var loaded: ProcessCost
        var secondsToOpenAll: Double
        var startsDelivered: Int
    }

    func run() async throws {
        var outcomes: [Outcome] = []
        try await BenchWorld.with { world in
            for _ in 0..<runs {
                outcomes.append(try await measureOnce(in: world))
            }
        }
        let count = Double(players)
        print("scale: \(runs) runs, \(players) players, \(seconds) s measured before and after they appeared")
        CostReport.print("scale, no player (baseline),", outcomes.map(\.baseline))
        CostReport.print("scale, \(players) players playing,", outcomes.map(\.loaded))
        let cpu = outcomes.map { ($0.loaded.cpuSecondsPerHour - $0.baseline.cpuSecondsPerHour) / count }
        print("scale CPU per player: \(RunStatistics.summary(cpu, unit: "s/h"))")
        let memory = outcomes.map { Double($0.loaded.endResidentKiB - $0.baseline.endResidentKiB) / count }
        print("scale RSS per player: \(RunStatistics.summary(memory, unit: "KiB"))")
        print(
            "scale time until all \(players) sessions were open: \(RunStatistics.summary(outcomes.map(\.secondsToOpenAll), unit: "s"))"
        )
        let delivered = outcomes.map { Double($0.startsDelivered) }
        print("scale starts delivered by the end (paced): \(RunStatistics.summary(delivered, unit: "starts"))")
    }

    private func measureOnce(in world: BenchWorld) async throws -> Outcome {
        let agent = try await BenchAgent.start(in: world)
        var started: [FakePlayer] = []
        do {
            let startsBefore = await world.playbackRequests().filter { $0.path.hasSuffix("/start") }.count
            try await Task.sleep(for: .seconds(warmupSeconds))
            let baseline = try await ProcessCost.measure(pid: agent.process.pid) {
                try await Task.sleep(for: .seconds(seconds))
            }
            let clock = ContinuousClock()
            let appeared = clock.now
            for index in 0..<players {
                let player = try await FakePlayer.start(
                    on: world.bus.address, name: "mpv.instance\(index)", identity: "mpv")
                started.append(player)
                try await player.setMetadata(BenchFilms.metadata(index))
                try await player.setStatus(.playing)
            }
            try await waitForSessions(of: agent)
            let opened = clock.now - appeared
            let loaded = try await ProcessCost.measure(pid: agent.process.pid) {
                try await Task.sleep(for: .seconds(seconds))
            }
            let starts = await world.playbackRequests().filter { $0.path.hasSuffix("/start") }.count - startsBefore
            await agent.stop()
            for player in started { await player.vanish() }
            return Outcome(
                baseline: baseline,
                loaded: loaded,
                secondsToOpenAll: opened.seconds,
                startsDelivered: starts
            )
        } catch {
            await agent.stop()
            for player in started { await player.vanish() }
            throw error
        }
    }

    /// Waits until the agent's outbox holds an open session per player, reading it every 100 ms (the agent
    /// announces nothing else: its `start`s reach the service paced, 10 at once then one every 3 s).
    private func waitForSessions(of agent: BenchAgent) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        var open = 0
        while ContinuousClock.now < deadline {
            open = try await agent.openSessions()
            if open >= players { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchAgent.Failure(description: "the agent opened \(open) sessions for \(players) players within 60 s")
    }
}
