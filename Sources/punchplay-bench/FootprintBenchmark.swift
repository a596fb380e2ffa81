import ArgumentParser
import Foundation
import MPRISTestSupport
import TestSupport

/// The footprint of the agent users run (`make bench` points ``BenchAgent/binaryVariable`` at the installed
/// binary) beside two peers measured in the same run, on the same private bus: `playerctl --follow`, the C
/// tool users compare it with, and the smallest Swift program with a sleeping task (the floor any Swift agent
/// starts from). Each is measured with no player on the bus, then with one player playing a film.
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

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1.") }
        guard seconds >= 1 else { throw ValidationError("--seconds must be at least 1.") }
        guard warmupSeconds >= 0 else { throw ValidationError("--warmup-seconds must be 0 or more.") }
    }

    /// One measured program and its costs over the runs, alone on the bus and with a player playing.
    private struct Subject {
        let label: String
        var idle: [ProcessCost] = []
        var playing: [ProcessCost] = []
    }

    func run() async throws {
        let agentBinary = try BenchAgent.binary()
        let floorBinary = try BuiltBinary.existing("concurrency-floor")
        var subjects = [
            Subject(label: "punchplay-mpris run"), Subject(label: "playerctl --follow"),
            Subject(label: "concurrency-floor"),
        ]
        var requests: [Double] = []
        try await BenchWorld.with { world in
            for _ in 0..<runs {
                let agent = try await BenchAgent.start(in: world)
                let peers: [ChildProcess]
                do {
                    peers = try await startPeers(on: world, floorBinary: floorBinary)
                } catch {
                    await agent.stop()
                    throw error
                }
                let pids = [agent.process.pid] + peers.map(\.pid)
                do {
                    try await Task.sleep(for: .seconds(warmupSeconds))
                    for (index, cost) in try await measure(pids).enumerated() { subjects[index].idle.append(cost) }
                    let (costs, sent) = try await measurePlaying(pids, in: world)
                    for (index, cost) in costs.enumerated() { subjects[index].playing.append(cost) }
                    requests.append(Double(sent))
                } catch {
                    await stop(agent, peers)
                    throw error
                }
                await stop(agent, peers)
            }
        }
        print("footprint: \(runs) runs of \(seconds) s after \(warmupSeconds) s of warm-up, fresh processes each")
        print("agent binary: \(agentBinary) (\(Self.describe(agentBinary)))")
        for subject in subjects {
            CostReport.print("\(subject.label), no player,", subject.idle)
            CostReport.print("\(subject.label), one player playing,", subject.playing)
        }
        print("agent, one player playing, requests sent: \(RunStatistics.summary(requests, unit: "requests"))")
    }

    /// `playerctl --all-players --follow metadata` and the floor program, on the benchmark's bus.
    private func startPeers(on world: BenchWorld, floorBinary: String) async throws -> [ChildProcess] {
        let environment = ["DBUS_SESSION_BUS_ADDRESS": world.bus.address]
        let playerctl = try ChildProcess(
            "playerctl",
            ["--all-players", "--follow", "metadata"],
            environment: environment
        )
        do {
            return [playerctl, try ChildProcess(floorBinary, [], environment: environment)]
        } catch {
            playerctl.send(SIGKILL)
            _ = await playerctl.exited()
            throw error
        }
    }

    /// The costs of `pids` over one period, all sampled at the same moments.
    private func measure(_ pids: [Int32]) async throws -> [ProcessCost] {
        let clock = ContinuousClock()
        let before = try pids.map { try ProcessSample.read(pid: $0) }
        let start = clock.now
        try await Task.sleep(for: .seconds(seconds))
        let elapsed = (clock.now - start).seconds
        return try zip(before, pids).map { sample, pid in
            ProcessCost(from: sample, to: try ProcessSample.read(pid: pid), seconds: elapsed)
        }
    }

    /// The costs with one player playing (after the agent's `start` reached the service and 5 s more), and how
    /// many requests the agent sent in the period.
    private func measurePlaying(_ pids: [Int32], in world: BenchWorld) async throws -> ([ProcessCost], Int) {
        let player = try await FakePlayer.start(on: world.bus.address, name: "mpv", identity: "mpv")
        do {
            try await player.setMetadata(BenchFilms.metadata(0))
            try await player.setStatus(.playing)
            _ = try await world.nextPlaybackRequest("start")
            try await Task.sleep(for: .seconds(5))
            let before = await world.playbackRequests().count
            let costs = try await measure(pids)
            let sent = await world.playbackRequests().count - before
            await player.vanish()
            return (costs, sent)
        } catch {
            await player.vanish()
            throw error
        }
    }

    private func stop(_ agent: BenchAgent, _ peers: [ChildProcess]) async {
        for peer in peers {
            peer.send(SIGTERM)
            _ = await peer.exited(killingAfter: .seconds(5))
        }
        await agent.stop()
    }

    /// The size of the binary on disk.
    private static func describe(_ path: String) -> String {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return String(format: "%.1f MB", Double(size) / 1_000_000)
    }
}
