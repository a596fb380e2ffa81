import ArgumentParser
import Foundation
import MPRISTestSupport

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

    func validate() throws {
        guard trials >= 1 else { throw ValidationError("--trials must be at least 1.") }
        guard (1...9).contains(trialsPerAgent) else { throw ValidationError("--trials-per-agent must be 1 to 9.") }
        guard settleMilliseconds >= 0 else { throw ValidationError("--settle-milliseconds must be 0 or more.") }
    }

    func run() async throws {
        let settle = Double(settleMilliseconds) / 1000
        let (overheads, agentMedians) = try await BenchWorld.with { world in
            let player = try await FakePlayer.start(on: world.bus.address, name: "mpv", identity: "mpv")
            try await player.setMetadata(BenchFilms.metadata(0))
            try await player.setStatus(.playing)
            var overheads: [Double] = []
            var agentMedians: [Double] = []
            var playing = true
            while overheads.count < trials {
                if !playing {
                    playing = true
                    try await player.setStatus(.playing)
                }
                let agent = try await BenchAgent.start(in: world, settleMilliseconds: settleMilliseconds)
                let count = min(trialsPerAgent, trials - overheads.count)
                do {
                    _ = try await world.nextPlaybackRequest("start")
                    var measured: [Double] = []
                    for _ in 0..<count {
                        try await Task.sleep(for: .milliseconds(gapMilliseconds))
                        playing.toggle()
                        let signalled = Date()
                        try await player.setStatus(playing ? .playing : .paused)
                        let request = try await world.nextPlaybackRequest(playing ? "resume" : "pause")
                        measured.append((request.receivedAt.timeIntervalSince(signalled) - settle) * 1000)
                    }
                    overheads += measured
                    agentMedians.append(RunStatistics(rates: measured).median)
                } catch {
                    await agent.stop()
                    throw error
                }
                await agent.stop()
            }
            await player.vanish()
            return (overheads, agentMedians)
        }
        let statistics = RunStatistics(rates: overheads)
        let format = RunStatistics.precise
        print("reaction: \(trials) pause/resume toggles, settle_ms \(settleMilliseconds), \(agentMedians.count) agents")
        print(
            "reaction overhead (request arrival − signal − settle): p50 \(format(statistics.percentile(0.5))) ms, "
                + "p90 \(format(statistics.percentile(0.9))) ms, p99 \(format(statistics.percentile(0.99))) ms, "
                + "min \(format(statistics.minimum)) ms, max \(format(statistics.maximum)) ms"
        )
        print("reaction median per agent: \(RunStatistics.summary(agentMedians, unit: "ms"))")
    }
}
