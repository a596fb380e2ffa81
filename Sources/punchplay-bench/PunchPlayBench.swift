import ArgumentParser

/// `punchplay-bench`: benchmarks of punchplay-mpris, one subcommand each, run in a release build and reported as
/// a median with its spread over repeated runs: micro-benchmarks of the hot paths on one thread (`identify`,
/// `worst-case`, `outbox`), and measurements of the release `punchplay-mpris` agent as a child process on a
/// private bus with the sandbox and fake players (`reaction`, `idle`, `flood`, `scale`), and of the installed agent beside `playerctl --follow` (`footprint`).
@main
struct PunchPlayBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "punchplay-bench",
        abstract: "Measures punchplay-mpris hot paths (build with -c release).",
        subcommands: [
            IdentifyBenchmark.self,
            OutboxBenchmark.self,
            WorstCaseBenchmark.self,
            ReactionBenchmark.self,
            IdleBenchmark.self,
            FloodBenchmark.self,
            ScaleBenchmark.self,
            FootprintBenchmark.self,
            CodeOrderProfile.self,
        ],
        defaultSubcommand: IdentifyBenchmark.self
    )
}
