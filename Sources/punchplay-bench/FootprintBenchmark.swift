import ArgumentParser
import Foundation
import MPRISTestSupport
import TestSupport

/// The footprint of the agent users run (`make bench` points ``BenchAgent/binaryVariable`` at the installed
/// binary) beside peers measured in the same run, on the same private bus: `playerctl --follow`, the C tool
/// users compare it with; the smallest Swift program with a sleeping task (the floor any Swift agent starts
/// from); and `playing-floor`, the smallest program doing the agent's work for each event with the same
/// libraries, linked as the agent is (the floor of delivery while a film plays). Each is measured with no
/// player on the bus, then with one player playing a film.
struct FootprintBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "footprint",
        abstract: "RSS, wake-ups and CPU of the installed agent beside playerctl --follow and a minimal Swift program."
    )

    @Option(help: "Runs, each with fresh processes.")
    var runs = 3

    @Option(help: "Length of each measured period, in seconds.")
    var seconds = 60

    @Option(help: "Seconds before the first period: the agent trims its start-up memory 10 s after it starts.")
    var warmupSeconds = 15

    @Option(help: "Another punchplay-mpris (an earlier build) to measure beside the agent, in the same run.")
    var baseline: String?

    /// Where `make bench` puts the playing floor, built statically as the agent is.
    static let playingFloorVariable = "PUNCHPLAY_BENCH_PLAYING_FLOOR_BINARY"
    /// The playing floor's cycle: the agent's `progress` interval.
    static let playingFloorIntervalSeconds = 15

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1.") }
        guard seconds >= 1 else { throw ValidationError("--seconds must be at least 1.") }
        guard warmupSeconds >= 0 else { throw ValidationError("--warmup-seconds must be 0 or more.") }
        if let baseline, !FileManager.default.isExecutableFile(atPath: baseline) {
            throw ValidationError("--baseline \(baseline) is not an executable file.")
        }
    }

    /// One measured program and its costs over the runs, alone on the bus and with a player playing.
    private struct Subject {
        let label: String
        var idle: [ProcessCost] = []
        var playing: [ProcessCost] = []
    }

    func run() async throws {
        let agentBinary = try BenchAgent.binary()
        let floorBinaries = [try BuiltBinary.existing("concurrency-floor"), try Self.playingFloorBinary()]
        var subjects = [
            Subject(label: "punchplay-mpris run"), Subject(label: "playerctl --follow"),
            Subject(label: "concurrency-floor"),
            Subject(label: "playing-floor (an event every \(Self.playingFloorIntervalSeconds) s, player or not)"),
        ]
        if baseline != nil { subjects.append(Subject(label: "baseline punchplay-mpris run")) }
        var requests: [Double] = []
        // A baseline agent gets a bus and a service of its own: one agent per session bus is the rule.
        try await Self.withWorlds(baseline == nil ? 1 : 2) { worlds in
            for _ in 0..<runs {
                var agents: [BenchAgent] = []
                let peers: [ChildProcess]
                do {
                    agents.append(try await BenchAgent.start(in: worlds[0]))
                    if let baseline { agents.append(try await BenchAgent.start(in: worlds[1], binary: baseline)) }
                    peers = try await startPeers(on: worlds[0], floorBinaries: floorBinaries)
                } catch {
                    for agent in agents { await agent.stop() }
                    throw error
                }
                let pids = [agents[0].process.pid] + peers.map(\.pid) + agents.dropFirst().map(\.process.pid)
                do {
                    try await Task.sleep(for: .seconds(warmupSeconds))
                    for (index, cost) in try await measure(pids).enumerated() { subjects[index].idle.append(cost) }
                    let (costs, sent) = try await measurePlaying(pids, in: worlds)
                    for (index, cost) in costs.enumerated() { subjects[index].playing.append(cost) }
                    requests.append(Double(sent))
                } catch {
                    await stop(agents, peers)
                    throw error
                }
                await stop(agents, peers)
            }
        }
        print("footprint: \(runs) runs of \(seconds) s after \(warmupSeconds) s of warm-up, fresh processes each")
        print("agent binary: \(agentBinary) (\(Self.describe(agentBinary)))")
        if let baseline { print("baseline binary: \(baseline) (\(Self.describe(baseline)))") }
        for subject in subjects {
            CostReport.print("\(subject.label), no player,", subject.idle)
            CostReport.print("\(subject.label), one player playing,", subject.playing)
        }
        print("agent, one player playing, requests sent: \(RunStatistics.summary(requests, unit: "requests"))")
    }

    /// `playerctl --all-players --follow metadata` and the two floor programs, on the benchmark's bus; the
    /// playing floor sends to the world's service, at a path of its own, which answers 404.
    private func startPeers(on world: BenchWorld, floorBinaries: [String]) async throws -> [ChildProcess] {
        let environment = ["DBUS_SESSION_BUS_ADDRESS": world.bus.address]
        let outbox = FileManager.default.temporaryDirectory.appendingPathComponent("playing-floor-\(UUID())").path
        let commands = [
            ("playerctl", ["--all-players", "--follow", "metadata"]),
            (floorBinaries[0], []),
            (
                floorBinaries[1],
                [
                    world.sandbox.baseURL.appendingPathComponent("playing-floor/event").absoluteString, outbox,
                    String(Self.playingFloorIntervalSeconds),
                ]
            ),
        ]
        var started: [ChildProcess] = []
        do {
            for (binary, arguments) in commands {
                started.append(try ChildProcess(binary, arguments, environment: environment))
            }
            return started
        } catch {
            for process in started {
                process.send(SIGKILL)
                _ = await process.exited()
            }
            throw error
        }
    }

    /// The playing floor `make bench` built (``playingFloorVariable``), or the one in this build's products.
    private static func playingFloorBinary() throws -> String {
        try BenchBinary.named(by: playingFloorVariable, orBuilt: "playing-floor")
    }

    /// The costs of `pids` over one period, all sampled at the same moments.
    private func measure(_ pids: [Int32]) async throws -> [ProcessCost] {
        let clock = ContinuousClock()
        let before = try pids.map { try ProcessSample.readStartingWorkingSet(pid: $0) }
        let start = clock.now
        try await Task.sleep(for: .seconds(seconds))
        let elapsed = (clock.now - start).seconds
        return try zip(before, pids).map { sample, pid in
            ProcessCost(from: sample, to: try ProcessSample.read(pid: pid), seconds: elapsed)
        }
    }

    /// The costs with one player playing in each world, and how many requests the measured agent sent in the
    /// period. The period starts 15 s after each agent's `start` reached its service, once the agent's memory
    /// trim after a change of what plays (10 s) has run: what it measures is steady playback.
    private func measurePlaying(_ pids: [Int32], in worlds: [BenchWorld]) async throws -> ([ProcessCost], Int) {
        var players: [FakePlayer] = []
        do {
            for world in worlds {
                let player = try await FakePlayer.start(on: world.bus.address, name: "mpv", identity: "mpv")
                players.append(player)
                try await player.setMetadata(BenchFilms.metadata(0))
                try await player.setStatus(.playing)
            }
            for world in worlds { _ = try await world.nextPlaybackRequest("start") }
            try await Task.sleep(for: .seconds(15))
            let before = await worlds[0].playbackRequests().count
            let costs = try await measure(pids)
            let sent = await worlds[0].playbackRequests().count - before
            for player in players { await player.vanish() }
            return (costs, sent)
        } catch {
            for player in players { await player.vanish() }
            throw error
        }
    }

    /// Runs `body` with `count` worlds, each with its own bus and service.
    private static func withWorlds<Result: Sendable>(
        _ count: Int,
        _ body: ([BenchWorld]) async throws -> Result
    ) async throws -> Result {
        guard count > 0 else { return try await body([]) }
        return try await BenchWorld.with { world in
            try await withWorlds(count - 1) { others in try await body([world] + others) }
        }
    }

    private func stop(_ agents: [BenchAgent], _ peers: [ChildProcess]) async {
        for peer in peers {
            peer.send(SIGTERM)
            _ = await peer.exited(killingAfter: .seconds(5))
        }
        for agent in agents { await agent.stop() }
    }

    /// The size of the binary on disk.
    private static func describe(_ path: String) -> String {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return String(format: "%.1f MB", Double(size) / 1_000_000)
    }
}
