import ArgumentParser
import Foundation
import MPRISTestSupport
import PlaybackModel

/// Reaction: the time from a player's `PlaybackStatus` signal to the agent's HTTP request arriving at the
/// sandbox, minus the configured settle window. That overhead is D-Bus delivery, reading `Position`, the settle
/// timer's lateness, the outbox commit (a synchronous SQLite write) and the HTTP round trip. Target: p99 under
/// 5 ms.
///
/// The agent paces its writes (a burst of 10, then one every 3 s), so each agent runs only a few trials and a
/// fresh one, with an empty outbox and a full burst, takes over: every trial measures an unthrottled send.
struct ReactionBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reaction",
        abstract: "Player signal to HTTP request, minus the settle window, with the release agent (p50, p99)."
    )

    @Option(help: "Pause/resume toggles measured in all.")
    var trials = 200

    @Option(help: "Toggles per agent process (the agent's write burst is 10, one of which is the start).")
    var trialsPerAgent = 8

    @Option(help: "settle_ms in the agent's configuration.")
    var settleMilliseconds = 100

    @Option(help: "Milliseconds between one request's arrival and the next toggle.")
    var gapMilliseconds = 100

    @Option(
        help: ArgumentHelp(
            "Seconds each agent plays on before its first toggle. 12 or more lets the memory trim that follows "
                + "start-up (10 s) run first, so the first toggle measures code mapped back after a trim."
        )
    )
    var playSecondsFirst = 0

    @Option(
        help: ArgumentHelp(
            "Directory for the agents' outbox; repeat it to alternate agents between directories (e.g. a disk and "
                + "/dev/shm) and compare them under the same load. Default: the agent's home under TMPDIR."
        )
    )
    var outboxDirectory: [String] = []

    func validate() throws {
        guard trials >= 1 else { throw ValidationError("--trials must be at least 1.") }
        guard (1...9).contains(trialsPerAgent) else { throw ValidationError("--trials-per-agent must be 1 to 9.") }
        guard settleMilliseconds >= 0 else { throw ValidationError("--settle-milliseconds must be 0 or more.") }
        guard playSecondsFirst >= 0 else { throw ValidationError("--play-seconds-first must be 0 or more.") }
    }

    /// The overheads measured with one outbox place, in milliseconds: every trial, and each agent's median.
    private struct Measurements {
        var overheads: [Double] = []
        var agentMedians: [Double] = []
    }

    func run() async throws {
        let places: [String?] = outboxDirectory.isEmpty ? [nil] : outboxDirectory.map { $0 }
        let results = try await BenchWorld.with { world in
            let player = try await FakePlayer.start(on: world.bus.address, name: "mpv", identity: "mpv")
            try await player.setMetadata(BenchFilms.metadata(0))
            try await player.setStatus(.playing)
            var results = Array(repeating: Measurements(), count: places.count)
            var measured = 0
            var agents = 0
            while measured < trials {
                let place = agents % places.count
                let count = min(trialsPerAgent, trials - measured)
                let overheads = try await trialsWithOneAgent(count, in: world, player: player, outbox: places[place])
                results[place].overheads += overheads
                results[place].agentMedians.append(RunStatistics(rates: overheads).median)
                measured += count
                agents += 1
            }
            await player.vanish()
            return results
        }
        print("reaction: \(trials) pause/resume toggles, settle_ms \(settleMilliseconds), \(trialsPerAgent) per agent")
        for (place, result) in zip(places, results) {
            let label = "reaction, outbox in \(place ?? "the agent's home")"
            let statistics = RunStatistics(rates: result.overheads)
            let format = RunStatistics.precise
            print(
                "\(label): overhead (request arrival − signal − settle) over \(result.overheads.count) trials: "
                    + "p50 \(format(statistics.percentile(0.5))) ms, p90 \(format(statistics.percentile(0.9))) ms, "
                    + "p99 \(format(statistics.percentile(0.99))) ms, min \(format(statistics.minimum)) ms, "
                    + "max \(format(statistics.maximum)) ms"
            )
            print("\(label): median per agent: \(RunStatistics.summary(result.agentMedians, unit: "ms"))")
        }
    }

    /// Starts an agent with the player playing, toggles the player `count` times, and returns each toggle's
    /// overhead in milliseconds.
    private func trialsWithOneAgent(
        _ count: Int,
        in world: BenchWorld,
        player: FakePlayer,
        outbox: String?
    ) async throws -> [Double] {
        let settle = Double(settleMilliseconds) / 1000
        let agent = try await BenchAgent.start(
            in: world, settleMilliseconds: settleMilliseconds, outboxDirectory: outbox)
        do {
            _ = try await world.nextPlaybackRequest("start")
            try await Task.sleep(for: .seconds(playSecondsFirst))
            var overheads: [Double] = []
            var playing = true
            for _ in 0..<count {
                try await Task.sleep(for: .milliseconds(gapMilliseconds))
                playing.toggle()
                let signalled = Date()
                try await player.setStatus(playing ? .playing : .paused)
                let request = try await world.nextPlaybackRequest(playing ? "resume" : "pause")
                overheads.append((request.receivedAt.timeIntervalSince(signalled) - settle) * 1000)
            }
            await agent.stop()
            if !playing { try await player.setStatus(.playing) }
            return overheads
        } catch {
            await agent.stop()
            throw error
        }
    }
}
