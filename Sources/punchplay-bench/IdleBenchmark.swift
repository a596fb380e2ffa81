import ArgumentParser
import MPRISTestSupport

/// Idle cost of the release agent: CPU time, wake-ups and memory over a quiet minute, with no player on the
/// bus and with one player playing a film (which costs a `progress` every 15 s). Targets with no player: under
/// 0.1 s of CPU an hour and under 15 MB resident.
struct IdleBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idle",
        abstract: "CPU, wake-ups and RSS of the release agent over a quiet period, with no player and one playing."
    )

    @Option(help: "Runs of each scenario, each with a fresh agent.")
    var runs = 3

    @Option(help: "Length of each measured period, in seconds.")
    var seconds = 60

    @Option(help: "Seconds the agent runs before measuring (its start-up is not idle time).")
    var warmupSeconds = 5

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1.") }
        guard seconds >= 1 else { throw ValidationError("--seconds must be at least 1.") }
        guard warmupSeconds >= 0 else { throw ValidationError("--warmup-seconds must be 0 or more.") }
    }

    func run() async throws {
        var alone: [ProcessCost] = []
        var playing: [ProcessCost] = []
        var requests: [Double] = []
        try await BenchWorld.with { world in
            for _ in 0..<runs {
                alone.append(try await measureAlone(in: world))
                let (cost, sent) = try await measurePlaying(in: world)
                playing.append(cost)
                requests.append(Double(sent))
            }
        }
        print("idle: \(runs) runs of \(seconds) s after \(warmupSeconds) s of warm-up, fresh agent each")
        CostReport.print("idle, no player,", alone)
        CostReport.print("idle, one player playing,", playing)
        print("idle, one player playing, requests sent: \(RunStatistics.summary(requests, unit: "requests"))")
    }

    private func measureAlone(in world: BenchWorld) async throws -> ProcessCost {
        let agent = try await BenchAgent.start(in: world)
        do {
            try await Task.sleep(for: .seconds(warmupSeconds))
            let cost = try await ProcessCost.measure(pid: agent.process.pid) {
                try await Task.sleep(for: .seconds(seconds))
            }
            await agent.stop()
            return cost
        } catch {
            await agent.stop()
            throw error
        }
    }

    /// The cost with one player playing, and how many requests the agent sent during the period.
    private func measurePlaying(in world: BenchWorld) async throws -> (ProcessCost, Int) {
        let player = try await FakePlayer.start(on: world.bus.address, name: "mpv", identity: "mpv")
        try await player.setMetadata(BenchFilms.metadata(0))
        try await player.setStatus(.playing)
        let agent = try await BenchAgent.start(in: world)
        do {
            _ = try await world.nextPlaybackRequest("start")
            try await Task.sleep(for: .seconds(warmupSeconds))
            let before = await world.playbackRequests().count
            let cost = try await ProcessCost.measure(pid: agent.process.pid) {
                try await Task.sleep(for: .seconds(seconds))
            }
            let sent = await world.playbackRequests().count - before
            await agent.stop()
            await player.vanish()
            return (cost, sent)
        } catch {
            await agent.stop()
            await player.vanish()
            throw error
        }
    }
}
