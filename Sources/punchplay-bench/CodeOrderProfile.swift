import ArgumentParser
import Foundation
import MPRISTestSupport
import TestSupport

/// Writes the order in which the installed agent's functions are linked (`packaging/code-order.txt`, read by
/// `packaging/static-build.sh`): the functions the agent runs in steady use first, so that the pages the kernel
/// maps around each one it runs (fault-around) hold more code that runs too. It runs the agent under callgrind
/// through the periods `footprint` measures, on the same bus and service: start-up, an idle minute, a film's
/// start, a minute of the film playing; callgrind dumps at the end of each period name the functions that ran
/// in it. The steady functions (idle and playing) come first, then those of a film's start, then of start-up.
struct CodeOrderProfile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code-order",
        abstract: "Profiles the agent under callgrind and writes the order its functions are linked in."
    )

    @Option(help: "The statically linked agent to profile, with its symbol table (not the stripped install).")
    var agent: String

    @Option(help: "Where to write the order, one symbol a line.")
    var output: String

    @Option(help: "Length of the idle and playing periods, in seconds: at least a minute holds the idle recheck.")
    var seconds = 65

    func validate() throws {
        guard FileManager.default.isExecutableFile(atPath: agent) else {
            throw ValidationError("--agent \(agent) is not an executable file.")
        }
        guard seconds >= 1 else { throw ValidationError("--seconds must be at least 1.") }
    }

    func run() async throws {
        let directory = try TemporaryDirectory(prefix: "punchplay-code-order")
        defer { directory.remove() }
        // Without debug information valgrind reads the binary in seconds, not minutes; the symbol table stays.
        let profiled = directory.file("punchplay-mpris")
        try await ChildProcess.run("objcopy", ["--strip-debug", agent, profiled])
        let dumps = try await profile(profiled, writingTo: directory.file("callgrind.out"))
        let order = Self.order(
            steady: dumps.idle.functions + dumps.playing.functions,
            starting: dumps.filmStart.functions + dumps.startUp.functions
        )
        try Self.text(order).write(toFile: output, atomically: true, encoding: .utf8)
        print(
            "code-order: \(order.steady.count) functions in steady use (idle \(dumps.idle.functions.count), playing \(dumps.playing.functions.count)), \(order.starting.count) more at a film's start and start-up; written to \(output)"
        )
        let unnamed = [dumps.idle, dumps.playing, dumps.filmStart, dumps.startUp].map(\.unnamedCount)
        print(
            "code-order: stretches of code without a symbol (compiler-private helpers), which the order cannot place: idle \(unnamed[0]), playing \(unnamed[1]), a film's start \(unnamed[2]), start-up \(unnamed[3])"
        )
    }

    /// The callgrind dumps of the four periods.
    private struct PeriodDumps {
        var startUp: CallgrindDump
        var idle: CallgrindDump
        var filmStart: CallgrindDump
        var playing: CallgrindDump
    }

    private func profile(_ binary: String, writingTo outputFile: String) async throws -> PeriodDumps {
        try await BenchWorld.with { world in
            let agent = try await BenchAgent.start(
                in: world,
                binary: binary,
                wrapper: [
                    "valgrind", "--tool=callgrind", "--callgrind-out-file=\(outputFile)", "--demangle=no",
                    "--separate-recs=1", "--dump-instr=no", "--dump-line=no",
                ],
                readyTimeout: .seconds(300)
            )
            var dumper = CallgrindDumper(pid: agent.process.pid, outputFile: outputFile, objectPath: binary)
            do {
                // Past the agent's trim after start-up (10 s), slower under callgrind.
                try await Task.sleep(for: .seconds(30))
                let startUp = try await dumper.dump()
                try await Task.sleep(for: .seconds(seconds))
                let idle = try await dumper.dump()
                let player = try await FakePlayer.start(on: world.bus.address, name: "mpv", identity: "mpv")
                try await player.setMetadata(BenchFilms.metadata(0))
                try await player.setStatus(.playing)
                _ = try await world.nextPlaybackRequest("start", timeout: .seconds(120))
                try await Task.sleep(for: .seconds(30))
                let filmStart = try await dumper.dump()
                try await Task.sleep(for: .seconds(seconds))
                let playing = try await dumper.dump()
                await player.vanish()
                await agent.stop()
                return PeriodDumps(startUp: startUp, idle: idle, filmStart: filmStart, playing: playing)
            } catch {
                await agent.stop()
                throw error
            }
        }
    }

    /// Each function once: the steady ones in the order first seen, then the others run while starting (a film's
    /// start first: a `progress` after a trim may run some of it again).
    static func order(steady: [String], starting: [String]) -> (steady: [String], starting: [String]) {
        var seen: Set<String> = []
        let steadyOrder = steady.filter { seen.insert($0).inserted }
        let startingOrder = starting.filter { seen.insert($0).inserted }
        return (steadyOrder, startingOrder)
    }

    private static func text(_ order: (steady: [String], starting: [String])) -> String {
        var lines = [
            "# The order packaging/static-build.sh links the agent's functions in (lld --symbol-ordering-file).",
            "# Written by `make code-order` from a callgrind profile of the agent on the benchmark's bus:",
            "# the \(order.steady.count) functions run in steady use (an idle minute, a minute of a film playing), then",
            "# those run only when a film starts or at start-up. Symbols no longer in the binary are skipped.",
        ]
        lines += order.steady
        lines.append("# a film's start, then start-up")
        lines += order.starting
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Asks a process running under callgrind to dump what ran since its last dump, and reads the dump.
private struct CallgrindDumper {
    let pid: Int32
    let outputFile: String
    let objectPath: String
    private var dumps = 0

    init(pid: Int32, outputFile: String, objectPath: String) {
        self.pid = pid
        self.outputFile = outputFile
        self.objectPath = objectPath
    }

    /// The next dump (`callgrind.out.N`): `callgrind_control` returns once callgrind has written it.
    mutating func dump() async throws -> CallgrindDump {
        dumps += 1
        try await ChildProcess.run("callgrind_control", ["--dump", String(pid)])
        let path = "\(outputFile).\(dumps)"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard text.contains("\ntotals:") else {
            throw BenchAgent.Failure(description: "callgrind's dump \(path) is incomplete (no totals line)")
        }
        return CallgrindDump(text: text[...], objectPath: objectPath)
    }
}
