import ArgumentParser
import Foundation
import PunchPlaySandbox
import TestSupport

/// What the reaction benchmark measures: the agent, `reaction-floor` (the smallest Swift program doing the
/// agent's work from the signal to the POST) with its outbox or without one, or the same floor in C.
enum ReactionSubject: String, CaseIterable, ExpressibleByArgument, Sendable {
    case agent
    case floor
    case floorWithoutOutbox = "floor-without-outbox"
    case cFloor = "c-floor"
}

/// One process reacting to the player's toggles in the reaction benchmark, started fresh for a few trials: the
/// agent, whose requests arrive at the playback path, or the reaction floor, whose requests arrive at a path of
/// its own (the sandbox records them, then answers 404), so each trial waits for its own process's request.
struct ReactingProcess {
    private enum Running {
        case agent(BenchAgent)
        case floor(ChildProcess, outboxPath: String?)
    }

    private let running: Running

    /// The variable naming the `reaction-floor` to measure; `make bench` sets it to one linked as the agent is.
    static let floorBinaryVariable = "PUNCHPLAY_BENCH_REACTION_FLOOR_BINARY"

    /// The variable naming the C reaction floor (`bench/reaction-floor.c`), which `make bench` builds.
    static let cFloorBinaryVariable = "PUNCHPLAY_BENCH_C_REACTION_FLOOR_BINARY"

    /// Where the floor sends its requests, below the sandbox's address.
    private static let floorPath = "/reaction-floor/"

    /// Starts `subject` in `world` with `settleMilliseconds` and its outbox in `outboxDirectory` (nil: the
    /// agent's home, or the temporary directory for the floor), and waits for its first request (the agent's
    /// `start`, the floor's opening one), after which its connection to the service is open.
    static func start(
        _ subject: ReactionSubject,
        in world: BenchWorld,
        settleMilliseconds: Int,
        outboxDirectory: String?
    ) async throws -> ReactingProcess {
        let process: ReactingProcess
        switch subject {
        case .agent:
            let agent = try await BenchAgent.start(
                in: world, settleMilliseconds: settleMilliseconds, outboxDirectory: outboxDirectory)
            process = ReactingProcess(running: .agent(agent))
        case .floor, .floorWithoutOutbox, .cFloor:
            let directory = outboxDirectory ?? FileManager.default.temporaryDirectory.path
            let outboxPath =
                subject == .floorWithoutOutbox ? nil : "\(directory)/reaction-floor-\(UUID().uuidString).sqlite"
            let child = try ChildProcess(
                try floorBinary(subject),
                [
                    world.sandbox.baseURL.absoluteString + floorPath, outboxPath ?? "-", String(settleMilliseconds),
                ],
                environment: ["DBUS_SESSION_BUS_ADDRESS": world.bus.address],
                output: .null,
                errors: .descriptor(STDERR_FILENO)
            )
            process = ReactingProcess(running: .floor(child, outboxPath: outboxPath))
        }
        do {
            _ = try await process.nextRequest("start", in: world)
            return process
        } catch {
            await process.stop()
            throw error
        }
    }

    /// The next request of this process for `action` (`start`, `pause`, `resume`) to arrive at the sandbox.
    func nextRequest(_ action: String, in world: BenchWorld) async throws -> RecordedRequest {
        switch running {
        case .agent: return try await world.nextPlaybackRequest(action)
        case .floor: return try await world.nextRequest(at: Self.floorPath + action)
        }
    }

    /// Stops the process and removes what it wrote.
    func stop() async {
        switch running {
        case .agent(let agent):
            await agent.stop()
        case .floor(let child, let outboxPath):
            child.send(SIGTERM)
            _ = await child.exited()
            if let outboxPath { BenchAgent.removeOutbox(at: outboxPath) }
        }
    }

    /// The floor `make bench` built for `subject` (``floorBinaryVariable``, ``cFloorBinaryVariable``), or the
    /// Swift floor in this build's products.
    private static func floorBinary(_ subject: ReactionSubject) throws -> String {
        subject == .cFloor
            ? try BenchBinary.named(by: cFloorBinaryVariable, orBuilt: nil)
            : try BenchBinary.named(by: floorBinaryVariable, orBuilt: "reaction-floor")
    }
}
