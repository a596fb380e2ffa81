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
/// `--subject floor` measures `reaction-floor` the same way, alternating with the agent in the same run: the
/// same path from the signal to the POST with nothing of the agent's own around it, the floor the target is
/// judged against on this machine.
struct ReactionBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reaction",
        abstract: "Player signal to HTTP request, minus the settle window, with the release agent (p50, p99)."
    )

    @Option(help: "Pause/resume toggles measured for each subject (and outbox directory).")
    var trials = 200

    @Option(help: "Toggles per process (the agent's write burst is 10, one of which is the start).")
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
            "What reacts: agent, floor (reaction-floor: signal, Position read, settle timer, outbox commit, POST, "
                + "nothing else), floor-without-outbox, or c-floor (the same in C on one thread, bench/reaction-floor.c); "
                + "repeat it to alternate them in one run."
        )
    )
    var subject: [ReactionSubject] = [.agent]

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

    /// One subject with one outbox place, as the run alternates them.
    private struct Contender {
        let subject: ReactionSubject
        let outboxDirectory: String?

        /// Where this contender's outbox is, for the report.
        var outboxDescription: String {
            switch subject {
            case .agent: "outbox in \(outboxDirectory ?? "the agent's home")"
            case .floor, .cFloor: "outbox in \(outboxDirectory ?? "the temporary directory")"
            case .floorWithoutOutbox: "no outbox"
            }
        }
    }

    /// The overheads measured for one contender, in milliseconds: every trial, and each process's median.
    private struct Measurements {
        var overheads: [Double] = []
        var processMedians: [Double] = []
    }

    func run() async throws {
        let places: [String?] = outboxDirectory.isEmpty ? [nil] : outboxDirectory.map { $0 }
        // A floor without an outbox is the same wherever the others' outboxes are: it runs once.
        let contenders = subject.flatMap { subject in
            (subject == .floorWithoutOutbox ? [nil] : places).map { Contender(subject: subject, outboxDirectory: $0) }
        }
        let results = try await BenchWorld.with { world in
            let player = try await FakePlayer.start(on: world.bus.address, name: "mpv", identity: "mpv")
            try await player.setMetadata(BenchFilms.metadata(0))
            try await player.setStatus(.playing)
            var results = Array(repeating: Measurements(), count: contenders.count)
            var measured = Array(repeating: 0, count: contenders.count)
            var turn = 0
            while measured.contains(where: { $0 < trials }) {
                let index = turn % contenders.count
                turn += 1
                guard measured[index] < trials else { continue }
                let count = min(trialsPerAgent, trials - measured[index])
                let overheads = try await measure(count, by: contenders[index], in: world, player: player)
                results[index].overheads += overheads
                results[index].processMedians.append(RunStatistics(rates: overheads).median)
                measured[index] += count
            }
            await player.vanish()
            return results
        }
        print(
            "reaction: \(trials) pause/resume toggles each, settle_ms \(settleMilliseconds), \(trialsPerAgent) per process"
        )
        for (contender, result) in zip(contenders, results) {
            let label = "reaction, \(contender.subject.rawValue), \(contender.outboxDescription)"
            let statistics = RunStatistics(rates: result.overheads)
            let format = RunStatistics.precise
            print(
                "\(label): overhead (request arrival − signal − settle) over \(result.overheads.count) trials: "
                    + "p50 \(format(statistics.percentile(0.5))) ms, p90 \(format(statistics.percentile(0.9))) ms, "
                    + "p99 \(format(statistics.percentile(0.99))) ms, min \(format(statistics.minimum)) ms, "
                    + "max \(format(statistics.maximum)) ms"
            )
            print("\(label): median per process: \(RunStatistics.summary(result.processMedians, unit: "ms"))")
        }
    }

    /// Starts `contender`'s process with the player playing, toggles the player `count` times, and returns each
    /// toggle's overhead in milliseconds.
    private func measure(
        _ count: Int,
        by contender: Contender,
        in world: BenchWorld,
        player: FakePlayer
    ) async throws -> [Double] {
        let settle = Double(settleMilliseconds) / 1000
        let process = try await ReactingProcess.start(
            contender.subject, in: world, settleMilliseconds: settleMilliseconds,
            outboxDirectory: contender.outboxDirectory
        )
        do {
            try await Task.sleep(for: .seconds(playSecondsFirst))
            var overheads: [Double] = []
            var playing = true
            for _ in 0..<count {
                try await Task.sleep(for: .milliseconds(gapMilliseconds))
                playing.toggle()
                let signalled = Date()
                try await player.setStatus(playing ? .playing : .paused)
                let request = try await process.nextRequest(playing ? "resume" : "pause", in: world)
                overheads.append((request.receivedAt.timeIntervalSince(signalled) - settle) * 1000)
            }
            await process.stop()
            if !playing { try await player.setStatus(.playing) }
            return overheads
        } catch {
            await process.stop()
            throw error
        }
    }
}
