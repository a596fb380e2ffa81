import ArgumentParser

/// `punchplay-bench`: micro-benchmarks for the hot paths of punchplay-mpris, one subcommand each, run in a release
/// build on one thread and reported as a median with its spread over repeated runs.
@main
struct PunchPlayBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "punchplay-bench",
        abstract: "Measures punchplay-mpris hot paths (build with -c release).",
        subcommands: [
            IdentifyBenchmark.self,
            OutboxBenchmark.self,
            WorstCaseBenchmark.self,
        ],
        defaultSubcommand: IdentifyBenchmark.self
    )
}
